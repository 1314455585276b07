import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { type ResourceDetail, useTransferOwnership } from '../../api/resources';
import { DateField, blankToNull, toDate } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { PersonSelect } from '../../components/person-select';
import { useT } from '../../i18n';

interface TransferForm {
  date: Dayjs;
  newOwnerIds?: number[];
  newOwners?: { name: string; mobile?: string }[];
}

/** 过户: the current owners and their family leave on the date; the new owners start. */
export function TransferModal(props: {
  open: boolean;
  resource: ResourceDetail;
  onClose: () => void;
}) {
  const { open, resource, onClose } = props;
  const t = useT();
  const transfer = useTransferOwnership();
  const initial = useMemo<Partial<TransferForm>>(() => ({ date: dayjs(), newOwners: [] }), []);

  const submit = (values: TransferForm) =>
    transfer.mutateAsync({
      resourceId: resource.id,
      body: {
        date: toDate(values.date) ?? '',
        newOwnerIds: values.newOwnerIds ?? [],
        newOwners: (values.newOwners ?? []).map((owner) => ({
          name: owner.name,
          mobile: blankToNull(owner.mobile),
        })),
      },
    });

  return (
    <FormModal<TransferForm>
      open={open}
      name="transfer"
      width={600}
      title={t('transfer.title', { code: resource.code })}
      initialValues={initial}
      editing
      saving={transfer.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Alert type="warning" showIcon message={t('transfer.hint')} style={{ marginBottom: 16 }} />
      <DateField name="date" label={t('transfer.date')} required />
      <Form.Item name="newOwnerIds" label={t('transfer.existingOwners')}>
        <PersonSelect mode="multiple" projectId={resource.projectId} />
      </Form.Item>
      <Form.List name="newOwners">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={12} align="top">
                <Col span={11}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('transfer.newOwnerName')}
                    rules={[
                      {
                        required: true,
                        message: t('common.required', { field: t('person.name') }),
                      },
                    ]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={11}>
                  <Form.Item name={[field.name, 'mobile']} label={t('person.mobile')}>
                    <Input maxLength={11} inputMode="tel" />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: 30 }}>
                  <Button
                    type="text"
                    danger
                    aria-label={t('common.delete')}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
              {t('transfer.addNewOwner')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
