import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { type FeeBinding, useEndFeeBinding } from '../../api/fee-bindings';
import { blankToNull, toDate, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';

interface EndForm {
  endDate: Dayjs;
  reason?: string | null;
}

interface EndBindingModalProps {
  open: boolean;
  binding: FeeBinding | undefined;
  onClose: () => void;
}

/** Ends a binding on a date (the last day charged); bindings are ended, never deleted. */
export function EndBindingModal({ open, binding, onClose }: EndBindingModalProps) {
  const t = useT();
  const rules = useRules();
  const end = useEndFeeBinding();
  const initial = useMemo<Partial<EndForm>>(() => ({ endDate: dayjs() }), []);

  const submit = (values: EndForm) =>
    end.mutateAsync({
      id: binding?.id ?? 0,
      body: { endDate: toDate(values.endDate) ?? '', reason: blankToNull(values.reason) },
    });

  return (
    <FormModal<EndForm>
      open={open}
      name="endBinding"
      title={t('binding.endTitle')}
      initialValues={initial}
      editing
      saving={end.isPending}
      onSubmit={submit}
      onClose={onClose}
      width={480}
    >
      {binding && (
        <Typography.Paragraph type="secondary">
          {t('binding.endWhat', {
            resource: binding.resourceCode,
            item: binding.feeItemName,
            start: binding.startDate,
          })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="endDate"
        label={t('binding.endDate')}
        extra={t('binding.endDateHint')}
        rules={rules.required(t('binding.endDate'))}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('binding.endReason')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
