import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { ResourceKind } from '../api/resources';
import { useT } from '../i18n';
import { useCurrentProject } from '../layout/project-context';
import { STATUSES_BY_KIND, labelledOptions } from '../lib/resource-labels';

/** Form rules: required, with the field's label in the message. */
export function useRules() {
  const t = useT();

  return {
    required: (field: string): Rule[] => [
      { required: true, message: t('common.required', { field }) },
    ],
  };
}

/** The project a new record belongs to, from the projects the user may see. */
export function ProjectField({ disabled }: { disabled?: boolean }) {
  const t = useT();
  const { projects } = useCurrentProject();
  const rules = useRules();

  return (
    <Form.Item
      name="projectId"
      label={t('resource.project')}
      rules={rules.required(t('resource.project'))}
    >
      <Select disabled={disabled} options={projects.map((p) => ({ value: p.id, label: p.name }))} />
    </Form.Item>
  );
}

export function StatusField({ kind }: { kind: ResourceKind }) {
  const t = useT();

  return (
    <Form.Item name="status" label={t('common.status')}>
      <Select options={labelledOptions(t, 'resource.status', STATUSES_BY_KIND[kind])} />
    </Form.Item>
  );
}

/** Square metres with two decimals, kept as the decimal string the API takes. */
export function AreaField(props: { name: string; label: string; required?: boolean }) {
  const t = useT();
  const rules = useRules();

  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={[
        ...(props.required ? rules.required(props.label) : []),
        { pattern: /^\d{1,10}(\.\d{1,2})?$/, message: t('resource.areaFormat') },
      ]}
    >
      <Input inputMode="decimal" suffix="㎡" placeholder="89.37" />
    </Form.Item>
  );
}

export function FloorField(props: { required?: boolean; name?: string; label?: string }) {
  const t = useT();
  const rules = useRules();
  const label = props.label ?? t('resource.floor');

  return (
    <Form.Item
      name={props.name ?? 'floor'}
      label={label}
      rules={props.required ? rules.required(label) : []}
    >
      <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function DateField(props: { name: string; label: string; required?: boolean }) {
  const rules = useRules();

  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={props.required ? rules.required(props.label) : []}
    >
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** `YYYY-MM-DD` from a date picker's value, null when empty. */
export function toDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** A date picker's value from `YYYY-MM-DD`. */
export function fromDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

/** Blank text becomes null, so clearing a field clears it on the server. */
export function blankToNull(value: string | null | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}
