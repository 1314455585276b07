import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  type Employee,
  type EmployeeQuery,
  useEmployees,
  useExportEmployees,
} from '../../api/employees';
import { DepartmentSelect } from '../../components/department-select';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { EmployeeDrawer } from './employee-drawer';
import { PasswordResetModal } from './password-reset-modal';

type Filters = Pick<EmployeeQuery, 'q' | 'departmentId' | 'status'>;

/** Employees: search and filter, create and edit in a drawer, reset passwords, export. */
export default function EmployeesPage() {
  const t = useT();
  const can = useCan();
  const list = useListState<Filters>({});
  const employees = useEmployees(list.query);
  const exporter = useExportEmployees();
  const drawer = useDialog<number>();
  const resetting = useDialog<Employee>();
  const canManage = can('org.employee.manage');

  const columns: ColumnsType<Employee> = [
    { title: t('employee.name'), dataIndex: 'name', width: 120 },
    { title: t('employee.username'), dataIndex: 'username', width: 140 },
    { title: t('employee.phone'), dataIndex: 'phone', width: 140 },
    { title: t('employee.department'), dataIndex: 'departmentName' },
    {
      title: t('employee.login'),
      key: 'login',
      width: 200,
      render: (_, e) => (
        <Space size={4}>
          {e.consoleLogin && <Tag color="blue">{t('employee.consoleLogin')}</Tag>}
          {e.appLogin && <Tag color="cyan">{t('employee.appLogin')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('employee.scope'),
      dataIndex: 'allProjects',
      width: 110,
      render: (all: boolean) =>
        all ? <Tag color="green">{t('employee.allProjects')}</Tag> : t('employee.someProjects'),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Employee['status']) => (
        <Badge
          status={status === 'active' ? 'success' : 'default'}
          text={t(`employee.status.${status}`)}
        />
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_, employee) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => drawer.show(employee.id)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => resetting.show(employee)}>
            {t('employee.resetPassword')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <PageContainer titleKey="employee.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            <ExportButton query={list.filterQuery} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.show()}>
                {t('employee.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('employee.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        {can('org.department.view') && (
          <Form.Item name="departmentId">
            <DepartmentSelect
              allowClear
              placeholder={t('employee.department')}
              style={{ width: 180 }}
            />
          </Form.Item>
        )}
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 120 }}
            options={(['active', 'disabled'] as const).map((s) => ({
              value: s,
              label: t(`employee.status.${s}`),
            }))}
          />
        </Form.Item>
      </FilterBar>
      <Table<Employee>
        rowKey="id"
        columns={columns}
        dataSource={employees.data?.items}
        loading={employees.isFetching}
        pagination={list.pagination(employees.data?.total)}
      />
      <EmployeeDrawer
        open={drawer.open}
        employeeId={drawer.value}
        onCreated={drawer.show}
        onClose={drawer.close}
      />
      <PasswordResetModal
        open={resetting.open}
        employee={resetting.value}
        onClose={resetting.close}
      />
    </PageContainer>
  );
}
