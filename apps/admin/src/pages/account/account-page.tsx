import { Card, Col, Descriptions, Row, Space } from 'antd';
import { type Profile, useMe } from '../../api/auth';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { ChangePasswordCard } from './change-password-card';
import { SessionsCard } from './sessions-card';

/** My account: who I am, my password, where I am signed in. */
export default function AccountPage() {
  const t = useT();
  const me = useMe().data as Profile;

  return (
    <PageContainer titleKey="account.title" card={false}>
      <Space direction="vertical" size={24} style={{ width: '100%' }}>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Card title={t('account.profile')} variant="borderless" style={{ height: '100%' }}>
              <Descriptions column={1}>
                <Descriptions.Item label={t('employee.name')}>{me.name}</Descriptions.Item>
                <Descriptions.Item label={t('employee.username')}>{me.username}</Descriptions.Item>
                <Descriptions.Item label={t('account.kind')}>
                  {t(`account.kind.${me.kind}`)}
                </Descriptions.Item>
                {me.orgName && (
                  <Descriptions.Item label={t('dashboard.company')}>{me.orgName}</Descriptions.Item>
                )}
                {me.kind === 'employee' && (
                  <Descriptions.Item label={t('dashboard.scope')}>
                    {me.allProjects
                      ? t('dashboard.scopeAll')
                      : me.projects.map((p) => p.name).join('、') || '—'}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <ChangePasswordCard />
          </Col>
        </Row>
        <SessionsCard />
      </Space>
    </PageContainer>
  );
}
