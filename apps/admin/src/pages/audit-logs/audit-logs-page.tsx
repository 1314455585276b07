import { DatePicker, Form, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import {
  type AuditEntry,
  type AuditQuery,
  useAuditLogs,
  useExportAuditLogs,
} from '../../api/audit-logs';
import { useEmployees } from '../../api/employees';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { useCan } from '../../lib/use-can';
import { useListState } from '../../lib/use-list-state';
import { AuditEntryDetail } from './audit-entry-detail';

const ENTITY_TYPES = ['company', 'project', 'department', 'employee', 'session'];
const ACTIONS = [
  'session.login',
  'session.logout',
  'session.revoke',
  'account.password-change',
  'company.create',
  'company.update',
  'project.create',
  'project.update',
  'department.create',
  'department.update',
  'department.delete',
  'employee.create',
  'employee.update',
  'employee.password-reset',
  'employee.projects-set',
  'employee.butler-assignments-set',
];

type Filters = Pick<AuditQuery, 'actorId' | 'entityType' | 'action' | 'from' | 'to'>;

interface FilterForm {
  actorId?: number;
  entityType?: string;
  action?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(form: FilterForm): Filters {
  return {
    actorId: form.actorId,
    entityType: form.entityType,
    action: form.action,
    from: form.dates?.[0]?.format('YYYY-MM-DD'),
    to: form.dates?.[1]?.format('YYYY-MM-DD'),
  };
}

/** Who changed what and when, with the record before and after. */
export default function AuditLogsPage() {
  const { t, tOr } = useI18n();
  const can = useCan();
  const list = useListState<Filters>({});
  const entries = useAuditLogs(list.query);
  const exporter = useExportAuditLogs();
  const employees = useEmployees({ page: 1, pageSize: 200 }, { enabled: can('org.employee.view') });

  const actionLabel = (action: string) => tOr(`auditAction.${action}`, action);
  const entityLabel = (type: string) => tOr(`auditEntity.${type}`, type);

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'createdAt',
      width: 180,
      render: (value: string) => formatInstant(value, true),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 160,
      render: (name: string, entry) =>
        entry.actorKind === 'system' ? t('audit.actorKind.system') : name,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <span>
          {actionLabel(action)} <Tag style={{ marginLeft: 4 }}>{action}</Tag>
        </span>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 200,
      render: (_, entry) =>
        `${entityLabel(entry.entityType)}${entry.entityId ? ` #${entry.entityId}` : ''}`,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140 },
  ];

  return (
    <PageContainer titleKey="audit.title">
      <FilterBar<FilterForm>
        initial={{}}
        onApply={(form) => list.apply(toFilters(form))}
        actions={<ExportButton query={list.filterQuery} exporter={exporter} />}
      >
        {can('org.employee.view') && (
          <Form.Item name="actorId">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('audit.actor')}
              style={{ width: 160 }}
              options={employees.data?.items.map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="entityType">
          <Select
            allowClear
            placeholder={t('audit.entityType')}
            style={{ width: 140 }}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) }))}
          />
        </Form.Item>
        <Form.Item name="action">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('audit.action')}
            style={{ width: 170 }}
            options={ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
          />
        </Form.Item>
        <Form.Item name="dates">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </FilterBar>
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={entries.data?.items}
        loading={entries.isFetching}
        pagination={list.pagination(entries.data?.total)}
        expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
      />
    </PageContainer>
  );
}
