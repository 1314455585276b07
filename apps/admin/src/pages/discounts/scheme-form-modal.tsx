import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  DISCOUNT_KINDS,
  type DiscountKind,
  type DiscountScheme,
  useCreateDiscountScheme,
  useFeeItemOptions,
  useUpdateDiscountScheme,
} from '../../api/discounts';
import { FormModal } from '../../components/form-modal';
import {
  ProjectField,
  blankToNull,
  fromDate,
  toDate,
  useRules,
} from '../../components/form-fields';
import { useT } from '../../i18n';
import { useWorkingProject } from '../../layout/project-context';
import { labelledOptions } from '../../lib/resource-labels';
import {
  type Choices,
  KindParameterFields,
  type ParameterValues,
  parametersBody,
  parametersForm,
} from './kind-parameter-fields';

interface Values {
  projectId: number;
  code: string;
  name: string;
  kind: DiscountKind;
  parameters: ParameterValues;
  choices: Choices;
  feeItemIds?: number[];
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  priority?: number;
  note?: string | null;
}

function initialValues(scheme: DiscountScheme | undefined, projectId: number | undefined) {
  if (!scheme) {
    return {
      projectId,
      kind: 'free_months' as const,
      parameters: { payMonths: 12, freeMonths: 1 },
      choices: { benefit: 'rate', deferBy: 'date' } satisfies Choices,
      validFrom: dayjs().startOf('month'),
      priority: 0,
    };
  }

  return {
    ...scheme,
    ...parametersForm(scheme.parameters),
    feeItemIds: scheme.feeItemIds ?? [],
    validFrom: fromDate(scheme.validFrom),
    validTo: fromDate(scheme.validTo),
  };
}

/** The fields of a scheme besides its kind's parameters: fee items, dates, order, note. */
function ApplicabilityFields() {
  const t = useT();
  const rules = useRules();
  const projectId = Form.useWatch('projectId') as number | undefined;
  const feeItems = useFeeItemOptions(projectId);

  return (
    <>
      <Form.Item
        name="feeItemIds"
        label={t('discount.feeItems')}
        extra={t('discount.feeItemsHint')}
      >
        <Select
          mode="multiple"
          allowClear
          options={feeItems}
          placeholder={t('discount.allFeeItems')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="validFrom"
            label={t('discount.validFrom')}
            rules={rules.required(t('discount.validFrom'))}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="validTo" label={t('discount.validTo')} extra={t('discount.validToHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="priority"
            label={t('discount.priority')}
            tooltip={t('discount.priorityHint')}
          >
            <InputNumber min={0} max={999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('discount.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

function KindFields({ editing }: { editing: boolean }) {
  const t = useT();
  const kind = Form.useWatch('kind') as DiscountKind | undefined;

  return (
    <>
      <Form.Item
        name="kind"
        label={t('discount.kind')}
        extra={editing ? t('discount.kindKept') : undefined}
      >
        <Select disabled={editing} options={labelledOptions(t, 'discount.kind', DISCOUNT_KINDS)} />
      </Form.Item>
      <KindParameterFields kind={kind} />
    </>
  );
}

/** Create or edit a discount scheme; the kind is chosen once, its fields follow it. */
export function SchemeFormModal(props: {
  open: boolean;
  scheme?: DiscountScheme;
  onClose: () => void;
}) {
  const { open, scheme, onClose } = props;
  const t = useT();
  const rules = useRules();
  const working = useWorkingProject();
  const create = useCreateDiscountScheme();
  const update = useUpdateDiscountScheme();
  const editing = scheme !== undefined;

  const submit = (values: Values) => {
    const common = {
      code: values.code,
      name: values.name,
      parameters: parametersBody(values.kind, values.parameters, values.choices),
      feeItemIds: values.feeItemIds?.length ? values.feeItemIds : null,
      validFrom: toDate(values.validFrom) ?? '',
      validTo: toDate(values.validTo),
      priority: values.priority ?? 0,
      note: blankToNull(values.note),
    };
    if (scheme) return update.mutateAsync({ id: scheme.id, body: common });

    return create.mutateAsync({ ...common, projectId: values.projectId, kind: values.kind });
  };

  return (
    <FormModal<Values>
      open={open}
      title={t(editing ? 'discount.edit' : 'discount.create')}
      name="discount-scheme"
      initialValues={initialValues(scheme, working?.id) as Partial<Values>}
      editing={editing}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
      width={680}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProjectField disabled={editing} />
        </Col>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('discount.code')}
            rules={rules.required(t('discount.code'))}
          >
            <Input maxLength={32} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('discount.name')} rules={rules.required(t('discount.name'))}>
        <Input maxLength={100} placeholder={t('discount.namePlaceholder')} />
      </Form.Item>
      <KindFields editing={editing} />
      <ApplicabilityFields />
    </FormModal>
  );
}
