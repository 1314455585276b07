import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { CustomFieldFilter } from '../../api/custom-fields';
import { type Person, type PersonQuery, useExportPeople, usePeople } from '../../api/people';
import { useCustomFieldColumns } from '../../components/custom-field-columns';
import { CustomFieldFilters } from '../../components/custom-field-filters';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { ImportButton } from '../../components/import-dialog';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { PERSON_ROLES, ROLE_COLORS, labelOf, labelledOptions } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { PersonDrawer } from './person-drawer';
import { PersonFormModal } from './person-form-modal';

type Filters = Pick<PersonQuery, 'q' | 'role'> & CustomFieldFilter;

/** Owners, family members and tenants; `?open=<id>` (from the header search) opens one. */
export default function PeoplePage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const people = usePeople({ ...list.query, projectId });
  const exporter = useExportPeople();
  const editing = useDialog<Person>();
  const viewing = useDialog<number>();
  const canManage = can('people.person.manage');
  const custom = useCustomFieldColumns<Person>('person');
  const opened = Number(params.get('open'));
  const { show } = viewing;

  useEffect(() => {
    if (!opened) return;
    show(opened);
    setParams({}, { replace: true });
  }, [opened, show, setParams]);

  const columns: ColumnsType<Person> = [
    { title: t('person.name'), dataIndex: 'name', width: 120 },
    { title: t('person.mobile'), dataIndex: 'mobile', width: 130, render: (m) => m ?? '—' },
    {
      title: t('person.idType'),
      dataIndex: 'idType',
      width: 110,
      render: (type: Person['idType']) => labelOf(t, 'person.idType', type),
    },
    { title: t('person.idNumber'), dataIndex: 'idNumber', width: 190, render: (n) => n ?? '—' },
    {
      title: t('person.roles'),
      dataIndex: 'roles',
      width: 180,
      render: (roles: Person['roles']) => (
        <Space size={4} wrap>
          {roles.map((role) => (
            <Tag key={role} color={ROLE_COLORS[role]}>
              {t(`person.role.${role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('person.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    ...custom.columns,
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, person) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => viewing.show(person.id)}>
            {t('person.detail')}
          </Button>
          {canManage && (
            <Button type="link" size="small" onClick={() => editing.show(person)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer titleKey="person.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            {custom.settings}
            {working && <ImportButton kind="people" projectId={working.id} />}
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => editing.show()}>
                {t('person.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('person.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="role">
          <Select
            allowClear
            placeholder={t('link.role')}
            style={{ width: 120 }}
            options={labelledOptions(t, 'person.role', PERSON_ROLES)}
          />
        </Form.Item>
        <CustomFieldFilters target="person" />
      </FilterBar>
      <Table<Person>
        rowKey="id"
        columns={columns}
        dataSource={people.data?.items}
        loading={people.isFetching}
        pagination={list.pagination(people.data?.total)}
      />
      <PersonFormModal
        open={editing.open}
        person={editing.value}
        projectId={working?.id}
        onClose={editing.close}
      />
      <PersonDrawer open={viewing.open} personId={viewing.value} onClose={viewing.close} />
    </PageContainer>
  );
}
