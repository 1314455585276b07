import { Col, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { type AdSpace, useCreateAdSpace, useUpdateAdSpace } from '../../api/ad-spaces';
import { type CustomValues, useActiveCustomFields } from '../../api/custom-fields';
import { CustomFieldInputs } from '../../components/custom-field-inputs';
import {
  AreaField,
  DateField,
  ProjectField,
  StatusField,
  blankToNull,
  fromDate,
  toDate,
  useRules,
} from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';
import { customFieldsBody } from '../../lib/custom-field-values';

interface AdSpaceForm {
  projectId: number;
  code: string;
  location: string;
  size?: string | null;
  area?: string | null;
  leaseStart?: Dayjs | null;
  leaseEnd?: Dayjs | null;
  status: AdSpace['status'];
  customFields?: CustomValues;
}

interface AdSpaceFormModalProps {
  open: boolean;
  adSpace: AdSpace | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

/** Create or edit an ad space: where it is, its size and lease. */
export function AdSpaceFormModal({ open, adSpace, projectId, onClose }: AdSpaceFormModalProps) {
  const t = useT();
  const rules = useRules();
  const create = useCreateAdSpace();
  const update = useUpdateAdSpace();
  const customFields = useActiveCustomFields('ad_space');
  const initial = useMemo<Partial<AdSpaceForm>>(
    () =>
      adSpace
        ? {
            ...adSpace,
            leaseStart: fromDate(adSpace.leaseStart),
            leaseEnd: fromDate(adSpace.leaseEnd),
          }
        : { projectId, status: 'vacant', customFields: {} },
    [adSpace, projectId],
  );

  const submit = (values: AdSpaceForm) => {
    const body = {
      ...values,
      size: blankToNull(values.size),
      area: blankToNull(values.area),
      leaseStart: toDate(values.leaseStart),
      leaseEnd: toDate(values.leaseEnd),
      customFields: customFieldsBody(customFields, values.customFields),
    };
    if (!adSpace) return create.mutateAsync(body);

    const { projectId: _project, ...changes } = body;
    return update.mutateAsync({ id: adSpace.id, body: changes });
  };

  return (
    <FormModal<AdSpaceForm>
      open={open}
      name="adSpace"
      title={t(adSpace ? 'adSpace.edit' : 'adSpace.create')}
      initialValues={initial}
      editing={adSpace !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProjectField disabled={adSpace !== undefined} />
        </Col>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('adSpace.code')}
            rules={rules.required(t('adSpace.code'))}
          >
            <Input maxLength={40} placeholder="AD-01" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="location"
            label={t('adSpace.location')}
            rules={rules.required(t('adSpace.location'))}
          >
            <Input maxLength={200} placeholder="1号楼电梯厅" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="size" label={t('adSpace.size')}>
            <Input maxLength={50} placeholder="2m × 1m" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <AreaField name="area" label={t('resource.area')} />
        </Col>
        <Col span={12}>
          <DateField name="leaseStart" label={t('resource.leaseStart')} />
        </Col>
        <Col span={12}>
          <DateField name="leaseEnd" label={t('resource.leaseEnd')} />
        </Col>
        <Col span={12}>
          <StatusField kind="ad_space" />
        </Col>
        <CustomFieldInputs target="ad_space" />
      </Row>
    </FormModal>
  );
}
