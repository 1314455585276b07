import { Col, Descriptions, Row, Typography } from 'antd';
import type { AuditEntry } from '../../api/audit-logs';
import { useT } from '../../i18n';

function JsonBlock({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  }

  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded row: what the record looked like before and after, and where it came from. */
export function AuditEntryDetail({ entry }: { entry: AuditEntry }) {
  const t = useT();

  return (
    <div style={{ padding: '4px 8px' }}>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('audit.entityId')}>{entry.entityId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.ip')}>{entry.ip ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.requestId')}>{entry.requestId ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <JsonBlock value={entry.before} />
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <JsonBlock value={entry.after} />
        </Col>
      </Row>
    </div>
  );
}
