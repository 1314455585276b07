import { Col, Divider, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useFeeItemOptions } from '../../api/fee-items';
import {
  type CreateFeeStandardBody,
  type FeeStandard,
  type StandardMethod,
  useCreateFeeStandard,
  useUpdateFeeStandard,
} from '../../api/fee-standards';
import { blankToNull, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';
import { RESOURCE_KINDS, STANDARD_METHODS } from '../../lib/fee-labels';
import { ROOM_USES, labelledOptions } from '../../lib/resource-labels';
import { MethodParameters } from './method-parameters';
import {
  type ParameterForm,
  defaultParameters,
  parametersToBody,
  parametersToForm,
} from './standard-parameters';

interface StandardForm extends Omit<CreateFeeStandardBody, 'parameters'> {
  parameters: ParameterForm;
}

interface FeeStandardFormModalProps {
  open: boolean;
  standard: FeeStandard | undefined;
  projectId: number | undefined;
  /** A fee item picked already (the list filtered by one). */
  feeItemId?: number;
  onClose: () => void;
}

function MethodField({ editing }: { editing: boolean }) {
  const t = useT();
  const rules = useRules();
  const form = Form.useFormInstance<StandardForm>();

  return (
    <Form.Item
      name="method"
      label={t('standard.method')}
      rules={rules.required(t('standard.method'))}
      extra={editing ? t('standard.methodFixed') : undefined}
    >
      <Select
        disabled={editing}
        options={labelledOptions(t, 'fees.method', STANDARD_METHODS)}
        onChange={(method: StandardMethod) =>
          form.setFieldValue('parameters', defaultParameters(method))
        }
      />
    </Form.Item>
  );
}

function ApplicabilityFields() {
  const t = useT();
  const rules = useRules();
  const kinds = Form.useWatch<string[] | undefined>('resourceKinds');

  return (
    <>
      <Col span={16}>
        <Form.Item
          name="resourceKinds"
          label={t('standard.resourceKinds')}
          rules={rules.required(t('standard.resourceKinds'))}
        >
          <Select mode="multiple" options={labelledOptions(t, 'resource.kind', RESOURCE_KINDS)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="roomUse" label={t('standard.roomUse')}>
          <Select
            allowClear
            disabled={!kinds?.includes('room')}
            placeholder={t('standard.anyUse')}
            options={labelledOptions(t, 'resource.use', ROOM_USES)}
          />
        </Form.Item>
      </Col>
    </>
  );
}

function ParametersSection() {
  const t = useT();
  const method = Form.useWatch<StandardMethod | undefined>('method');

  return (
    <>
      <Divider orientation="left" orientationMargin={0}>
        {t('standard.parameters')}
      </Divider>
      <MethodParameters method={method} />
    </>
  );
}

/** Create or edit a charging standard (收费标准): its method, parameters and where it applies. */
export function FeeStandardFormModal(props: FeeStandardFormModalProps) {
  const { open, standard, projectId, feeItemId, onClose } = props;
  const t = useT();
  const rules = useRules();
  const create = useCreateFeeStandard();
  const update = useUpdateFeeStandard();
  const items = useFeeItemOptions(standard?.projectId ?? projectId);
  const initial = useMemo<Partial<StandardForm>>(
    () =>
      standard
        ? { ...standard, parameters: parametersToForm(standard.method, standard.parameters) }
        : {
            feeItemId,
            method: 'area_price',
            resourceKinds: ['room'],
            parameters: defaultParameters('area_price'),
          },
    [standard, feeItemId],
  );

  const submit = (values: StandardForm) => {
    const method = standard?.method ?? values.method;
    const body = {
      ...values,
      roomUse: values.roomUse ?? null,
      note: blankToNull(values.note),
      parameters: parametersToBody(method, values.parameters),
    };
    if (!standard) return create.mutateAsync(body);

    const { feeItemId: _item, method: _method, ...changes } = body;
    return update.mutateAsync({ id: standard.id, body: changes });
  };

  return (
    <FormModal<StandardForm>
      open={open}
      name="standard"
      title={t(standard ? 'standard.edit' : 'standard.create')}
      initialValues={initial}
      editing={standard !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
      width={860}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="feeItemId"
            label={t('standard.feeItem')}
            rules={rules.required(t('standard.feeItem'))}
          >
            <Select
              disabled={standard !== undefined}
              showSearch
              optionFilterProp="label"
              loading={items.isFetching}
              options={items.data?.items.map((item) => ({
                value: item.id,
                label: `${item.name}（${item.code}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="name"
            label={t('standard.name')}
            rules={rules.required(t('standard.name'))}
          >
            <Input maxLength={100} placeholder={t('standard.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <MethodField editing={standard !== undefined} />
        </Col>
        <ApplicabilityFields />
        <Col span={24}>
          <Form.Item name="note" label={t('standard.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <ParametersSection />
    </FormModal>
  );
}
