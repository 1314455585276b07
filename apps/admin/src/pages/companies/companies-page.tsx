import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Company, useCompanies, useUpdateCompany } from '../../api/companies';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { CompanyFormModal } from './company-form-modal';

interface Filters extends Record<string, unknown> {
  q?: string;
}

/** Platform administrators: the companies on the platform. */
export default function CompaniesPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const list = useListState<Filters>({});
  const companies = useCompanies(list.query);
  const update = useUpdateCompany();
  const dialog = useDialog<Company>();

  const setStatus = (company: Company, status: Company['status']) =>
    update.mutate(
      { id: company.id, body: { status } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) },
    );

  const columns: ColumnsType<Company> = [
    { title: t('company.code'), dataIndex: 'code', width: 140 },
    { title: t('company.name'), dataIndex: 'name' },
    { title: t('company.contactName'), dataIndex: 'contactName', width: 140 },
    { title: t('company.contactPhone'), dataIndex: 'contactPhone', width: 160 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: Company['status']) => (
        <Badge
          status={status === 'active' ? 'success' : 'default'}
          text={t(status === 'active' ? 'common.statusActive' : 'common.statusDisabled')}
        />
      ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (value: string) => formatInstant(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, company) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => dialog.show(company)}>
            {t('common.edit')}
          </Button>
          {company.status === 'active' ? (
            <Popconfirm
              title={t('company.disableConfirm', { name: company.name })}
              onConfirm={() => setStatus(company, 'disabled')}
            >
              <Button type="link" size="small" danger>
                {t('common.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => setStatus(company, 'active')}>
              {t('common.enable')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer titleKey="company.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
            {t('company.create')}
          </Button>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('company.searchPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
      </FilterBar>
      <Table<Company>
        rowKey="id"
        columns={columns}
        dataSource={companies.data?.items}
        loading={companies.isFetching}
        pagination={list.pagination(companies.data?.total)}
      />
      <CompanyFormModal open={dialog.open} company={dialog.value} onClose={dialog.close} />
    </PageContainer>
  );
}
