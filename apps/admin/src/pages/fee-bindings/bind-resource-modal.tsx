import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useCreateFeeBindings } from '../../api/fee-bindings';
import type { FeeStandard } from '../../api/fee-standards';
import type { ResourceKind } from '../../api/resources';
import { blankToNull, toDate, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { ResourceSelect } from '../../components/resource-select';
import { useT } from '../../i18n';
import { StandardSelect } from './standard-select';

/** Field names follow the request body (`resourceIds`), so a refusal marks the field. */
interface BindForm {
  standardId: number;
  resourceIds: number;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  note?: string | null;
}

interface BindResourceModalProps {
  open: boolean;
  projectId: number | undefined;
  onClose: () => void;
}

/** Binds one resource to a charging standard from a start date. */
export function BindResourceModal({ open, projectId, onClose }: BindResourceModalProps) {
  const t = useT();
  const rules = useRules();
  const create = useCreateFeeBindings();
  const [standard, setStandard] = useState<FeeStandard>();
  const initial = useMemo<Partial<BindForm>>(() => ({ startDate: dayjs() }), []);

  const submit = (values: BindForm) =>
    create.mutateAsync({
      standardId: values.standardId,
      resourceIds: [values.resourceIds],
      startDate: toDate(values.startDate) ?? '',
      endDate: toDate(values.endDate),
      note: blankToNull(values.note),
    });

  return (
    <FormModal<BindForm>
      open={open}
      name="bindResource"
      title={t('binding.bindOne')}
      initialValues={initial}
      editing={false}
      saving={create.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item
            name="standardId"
            label={t('binding.standard')}
            rules={rules.required(t('binding.standard'))}
          >
            <StandardSelect projectId={projectId} onChange={(_, picked) => setStandard(picked)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="resourceIds"
            label={t('binding.resource')}
            rules={rules.required(t('binding.resource'))}
          >
            <ResourceSelect
              key={standard?.id ?? 0}
              projectId={projectId}
              kinds={(standard?.resourceKinds ?? ['room']) as ResourceKind[]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="startDate"
            label={t('binding.startDate')}
            rules={rules.required(t('binding.startDate'))}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endDate" label={t('binding.endDate')} extra={t('binding.openEnded')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('binding.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
