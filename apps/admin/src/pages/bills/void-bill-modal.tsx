import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { type BillDetail, useVoidBill } from '../../api/bills';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

interface VoidBillModalProps {
  open: boolean;
  bill: BillDetail;
  onClose: () => void;
}

/** 作废: asks for the reason the server requires and keeps with the bill's entries. */
export function VoidBillModal({ open, bill, onClose }: VoidBillModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ reason: string }>();
  const voidBill = useVoidBill();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = ({ reason }: { reason: string }) =>
    voidBill.mutate(
      { id: bill.id, body: { reason: reason.trim() } },
      {
        onSuccess: () => {
          void message.success(t('bill.voided'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('bill.voidTitle')}
      width={520}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('bill.void')}
      okButtonProps={{ danger: true }}
      confirmLoading={voidBill.isPending}
      forceRender
    >
      <Alert type="warning" showIcon message={t('bill.voidHint')} style={{ margin: '16px 0' }} />
      <Form name="voidBill" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('bill.voidReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              message: t('bill.voidReasonFormat'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
