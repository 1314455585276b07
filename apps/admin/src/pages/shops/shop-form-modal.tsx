import { Col, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { type CustomValues, useActiveCustomFields } from '../../api/custom-fields';
import { type Shop, useCreateShop, useUpdateShop } from '../../api/shops';
import { BuildingField } from '../../components/building-field';
import { CustomFieldInputs } from '../../components/custom-field-inputs';
import {
  AreaField,
  DateField,
  FloorField,
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

interface ShopForm {
  projectId: number;
  buildingId?: number | null;
  code: string;
  area: string;
  floor?: number | null;
  leaseStart?: Dayjs | null;
  leaseEnd?: Dayjs | null;
  businessScope?: string | null;
  rentStandard?: string | null;
  status: Shop['status'];
  customFields?: CustomValues;
}

interface ShopFormModalProps {
  open: boolean;
  shop: Shop | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

/** Create or edit a shop: where it is, its area, lease and rent standard. */
export function ShopFormModal({ open, shop, projectId, onClose }: ShopFormModalProps) {
  const t = useT();
  const rules = useRules();
  const create = useCreateShop();
  const update = useUpdateShop();
  const customFields = useActiveCustomFields('shop');
  const initial = useMemo<Partial<ShopForm>>(
    () =>
      shop
        ? {
            ...shop,
            area: shop.area ?? '',
            leaseStart: fromDate(shop.leaseStart),
            leaseEnd: fromDate(shop.leaseEnd),
          }
        : { projectId, status: 'vacant', customFields: {} },
    [shop, projectId],
  );

  const submit = (values: ShopForm) => {
    const body = {
      ...values,
      buildingId: values.buildingId ?? null,
      floor: values.floor ?? null,
      leaseStart: toDate(values.leaseStart),
      leaseEnd: toDate(values.leaseEnd),
      businessScope: blankToNull(values.businessScope),
      rentStandard: blankToNull(values.rentStandard),
      customFields: customFieldsBody(customFields, values.customFields),
    };
    if (!shop) return create.mutateAsync(body);

    const { projectId: _project, ...changes } = body;
    return update.mutateAsync({ id: shop.id, body: changes });
  };

  return (
    <FormModal<ShopForm>
      open={open}
      name="shop"
      title={t(shop ? 'shop.edit' : 'shop.create')}
      initialValues={initial}
      editing={shop !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProjectField disabled={shop !== undefined} />
        </Col>
        <Col span={12}>
          <BuildingField />
        </Col>
        <Col span={12}>
          <Form.Item name="code" label={t('shop.code')} rules={rules.required(t('shop.code'))}>
            <Input maxLength={40} placeholder="S-101" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <FloorField />
        </Col>
        <Col span={12}>
          <AreaField name="area" label={t('resource.area')} required />
        </Col>
        <Col span={12}>
          <StatusField kind="shop" />
        </Col>
        <Col span={12}>
          <DateField name="leaseStart" label={t('resource.leaseStart')} />
        </Col>
        <Col span={12}>
          <DateField name="leaseEnd" label={t('resource.leaseEnd')} />
        </Col>
        <Col span={12}>
          <Form.Item name="rentStandard" label={t('shop.rentStandard')}>
            <Input inputMode="decimal" placeholder="120.00" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="businessScope" label={t('shop.businessScope')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Col>
        <CustomFieldInputs target="shop" />
      </Row>
    </FormModal>
  );
}
