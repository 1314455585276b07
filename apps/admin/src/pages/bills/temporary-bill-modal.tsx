import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCreateTemporaryBill } from '../../api/bills';
import { useFeeItemOptions } from '../../api/fee-items';
import { FormModal } from '../../components/form-modal';
import { toDate, useRules } from '../../components/form-fields';
import { ResourceSelect } from '../../components/resource-select';
import { useT } from '../../i18n';
import { RESOURCE_KINDS } from '../../lib/fee-labels';
import { yuanToFen } from '../../lib/money';

interface TemporaryBillForm {
  resourceId: number;
  feeItemId: number;
  /** Yuan as typed; sent as fen. */
  amount: string;
  description: string;
  period?: [Dayjs, Dayjs] | null;
  dueDate: Dayjs;
}

interface TemporaryBillModalProps {
  open: boolean;
  projectId: number | undefined;
  onClose: () => void;
}

/** 新增临时账单: a one-time charge on a resource, e.g. a repair, due on a date. */
export function TemporaryBillModal({ open, projectId, onClose }: TemporaryBillModalProps) {
  const t = useT();
  const rules = useRules();
  const items = useFeeItemOptions(open ? projectId : undefined);
  const create = useCreateTemporaryBill();

  const submit = (values: TemporaryBillForm) =>
    create.mutateAsync({
      resourceId: values.resourceId,
      feeItemId: values.feeItemId,
      amountFen: yuanToFen(values.amount) ?? 0,
      description: values.description.trim(),
      periodStart: toDate(values.period?.[0]) ?? undefined,
      periodEnd: toDate(values.period?.[1]) ?? undefined,
      dueDate: toDate(values.dueDate) ?? '',
    });

  return (
    <FormModal<TemporaryBillForm>
      open={open}
      title={t('bill.temporaryTitle')}
      name="temporaryBill"
      initialValues={{}}
      editing={false}
      saving={create.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="resourceId"
        label={t('bill.resource')}
        rules={rules.required(t('bill.resource'))}
      >
        <ResourceSelect projectId={projectId} kinds={RESOURCE_KINDS} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="feeItemId"
            label={t('bill.feeItem')}
            rules={rules.required(t('bill.feeItem'))}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={items.isFetching}
              options={items.data?.items.map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="amount"
            label={t('bill.amount')}
            rules={[
              ...rules.required(t('bill.amount')),
              {
                validator: (_, value: string | undefined) =>
                  !value || (yuanToFen(value) ?? 0) > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('bill.amountFormat'))),
              },
            ]}
          >
            <Input inputMode="decimal" prefix="¥" placeholder="0.00" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label={t('bill.description')}
        rules={[...rules.required(t('bill.description')), { min: 2, max: 200 }]}
      >
        <Input maxLength={200} placeholder={t('bill.descriptionPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="period" label={t('bill.period')}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="dueDate"
            label={t('bill.dueDate')}
            rules={rules.required(t('bill.dueDate'))}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
