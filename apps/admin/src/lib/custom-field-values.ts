import type { CustomField, CustomValue, CustomValues } from '../api/custom-fields';
import type { Translate } from '../i18n';

/**
 * Custom values in forms are kept in the shape the API answers with (the inputs convert dates
 * on the way in and out), so a record's `customFields` is the form's initial value as it is.
 */

/** What a form sends for one field: trimmed text, null for nothing chosen or typed. */
function bodyValue(field: CustomField, value: unknown): CustomValue {
  switch (field.type) {
    case 'text':
    case 'number':
    case 'date':
    case 'single':
      return typeof value === 'string' && value.trim() ? value.trim() : null;
    case 'multiple':
      return Array.isArray(value) && value.length > 0 ? (value as string[]) : null;
    case 'boolean':
      // A switch always shows yes or no: a required one left alone means no.
      return typeof value === 'boolean' ? value : field.required ? false : null;
  }
}

/**
 * The `customFields` of a create or update body from the form's values; undefined when the
 * form showed no custom fields (definitions not loaded, or none), so nothing is sent.
 */
export function customFieldsBody(
  fields: CustomField[],
  values: Record<string, unknown> | undefined,
): CustomValues | undefined {
  if (fields.length === 0 || values === undefined) return undefined;

  return Object.fromEntries(
    fields.map((field) => [field.key, bodyValue(field, values[field.key])]),
  );
}

/** The values that differ from what the record holds; undefined when none do. */
export function changedCustomFields<V>(
  before: CustomValues,
  after: Record<string, V> | undefined,
): Record<string, V> | undefined {
  const changed = Object.entries(after ?? {}).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key] ?? null),
  );

  return changed.length > 0 ? Object.fromEntries(changed) : undefined;
}

/** A value as lists and detail pages show it: 是/否, choices joined with 、, a dash for none. */
export function displayCustomValue(value: CustomValue | undefined, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.length > 0 ? value.join(t('customField.joiner')) : '—';

  return value;
}
