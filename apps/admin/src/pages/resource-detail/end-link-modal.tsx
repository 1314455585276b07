import { Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { type ResourceLink, useEndLink } from '../../api/resources';
import { DateField, toDate, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';

interface EndForm {
  date: Dayjs;
  reason: string;
}

/** Ends a link on a date with a reason; the link stays in the history. */
export function EndLinkModal(props: {
  open: boolean;
  link: ResourceLink | undefined;
  onClose: () => void;
}) {
  const { open, link, onClose } = props;
  const t = useT();
  const rules = useRules();
  const end = useEndLink();
  const initial = useMemo<Partial<EndForm>>(() => ({ date: dayjs() }), []);

  return (
    <FormModal<EndForm>
      open={open}
      name="endLink"
      width={440}
      title={t('link.endTitle', { name: link?.personName ?? '' })}
      initialValues={initial}
      editing
      saving={end.isPending}
      onSubmit={(values) =>
        end.mutateAsync({
          linkId: link?.id ?? 0,
          body: { date: toDate(values.date) ?? '', reason: values.reason },
        })
      }
      onClose={onClose}
    >
      <DateField name="date" label={t('link.endDate')} required />
      <Form.Item
        name="reason"
        label={t('link.endReason')}
        rules={rules.required(t('link.endReason'))}
      >
        <Input maxLength={200} placeholder={t('link.endReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
