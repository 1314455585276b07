import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useBuildingOptions } from '../../api/buildings';
import { type Bill, type BillQuery, useBills, useExportBills } from '../../api/bills';
import { useFeeItemOptions } from '../../api/fee-items';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { labelledOptions } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { useBillColumns } from './bill-columns';
import { BILL_KINDS, BILL_STATUSES } from './bill-tags';
import { BillTotalsRow } from './bill-totals';
import { TemporaryBillModal } from './temporary-bill-modal';

type Filters = Pick<
  BillQuery,
  'buildingId' | 'feeItemId' | 'fromMonth' | 'toMonth' | 'status' | 'kind' | 'overdue' | 'q'
>;
type FilterForm = Omit<Filters, 'fromMonth' | 'toMonth' | 'overdue'> & {
  months?: [Dayjs, Dayjs] | null;
  overdue?: boolean;
};

/** The filter form's values as the API's query: months as `YYYY-MM`, overdue only when ticked. */
function toFilters({ months, overdue, ...rest }: FilterForm): Filters {
  return {
    ...rest,
    fromMonth: months?.[0].format('YYYY-MM'),
    toMonth: months?.[1].format('YYYY-MM'),
    overdue: overdue ? 'true' : undefined,
  };
}

function BillFilters({ projectId }: { projectId: number | undefined }) {
  const t = useT();
  const buildings = useBuildingOptions(projectId);
  const items = useFeeItemOptions(projectId);

  return (
    <>
      <Form.Item name="q">
        <Input allowClear placeholder={t('bill.searchKeyword')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="buildingId">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('bill.building')}
          style={{ width: 130 }}
          options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
        />
      </Form.Item>
      <Form.Item name="feeItemId">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('bill.feeItem')}
          style={{ width: 140 }}
          options={items.data?.items.map((item) => ({ value: item.id, label: item.name }))}
        />
      </Form.Item>
      <Form.Item name="months">
        <DatePicker.RangePicker picker="month" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t('common.status')}
          style={{ width: 110 }}
          options={labelledOptions(t, 'bill.status', BILL_STATUSES)}
        />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          allowClear
          placeholder={t('bill.kind')}
          style={{ width: 110 }}
          options={labelledOptions(t, 'bill.kind', BILL_KINDS)}
        />
      </Form.Item>
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>{t('bill.overdueOnly')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** 账单列表: every bill of the project with its balance; `?billRunId=` shows one run's bills. */
export default function BillsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const billRunId = Number(params.get('billRunId')) || undefined;
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const query: BillQuery = { ...list.query, projectId, billRunId };
  const bills = useBills(query);
  const exporter = useExportBills();
  const dialog = useDialog<undefined>();
  const columns = useBillColumns();

  return (
    <PageContainer titleKey="menu.bills">
      <FilterBar<FilterForm>
        initial={{}}
        onApply={(form) => list.apply(toFilters(form))}
        actions={
          <>
            <ExportButton
              query={{ ...list.filterQuery, projectId, billRunId }}
              exporter={exporter}
            />
            {can('billing.bill.create-temporary') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('bill.createTemporary')}
              </Button>
            )}
          </>
        }
      >
        <BillFilters projectId={working?.id} />
      </FilterBar>
      {billRunId && (
        <Tag closable color="blue" style={{ marginBottom: 12 }} onClose={() => setParams({})}>
          {t('bill.fromRun', { id: billRunId })}
        </Tag>
      )}
      <Table<Bill>
        rowKey="id"
        columns={columns}
        dataSource={bills.data?.items}
        loading={bills.isFetching}
        pagination={list.pagination(bills.data?.total)}
        scroll={{ x: 1110 }}
        rowClassName={(bill) => (bill.status === 'void' ? 'row-muted' : '')}
        onRow={(bill) => ({
          onClick: () => void navigate(`/bills/${bill.id}`),
          style: { cursor: 'pointer' },
        })}
        summary={() => <BillTotalsRow totals={bills.data?.totals} count={bills.data?.total ?? 0} />}
      />
      <TemporaryBillModal open={dialog.open} projectId={working?.id} onClose={dialog.close} />
    </PageContainer>
  );
}
