import { Decimal } from 'decimal.js';
import type { Locale } from '../../platform/i18n.js';
import { isCalendarDate } from '../../platform/validators.js';
import { yesNo } from '../../platform/xlsx.js';
import type { CustomFieldEntity, CustomFieldType } from './custom-fields.schemas.js';

/**
 * How custom field values are written, read and shown. Stored as text: numbers as exact decimal
 * strings, dates `YYYY-MM-DD`, yes/no as 'true'/'false', multiple choices as a JSON array in the
 * order of the options. Pure functions: the service and the import both use them.
 */

export interface CustomFieldDef {
  id: number;
  entity: CustomFieldEntity;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  sortOrder: number;
  status: 'active' | 'archived';
}

/** One field's value as an answer carries it. */
export type CustomValue = string | boolean | string[];

/** A value ready to store (null: no value), or the message key of what is wrong with it. */
export type Encoded =
  | { ok: true; value: string | null }
  | { ok: false; message: string; params?: Record<string, string | number> };

const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
const TEXT_MAX = 500;
/** What separates the choices of a multiple choice cell in an import. */
const CHOICE_SEPARATOR = /[,，、;；]/;

const ok = (value: string | null): Encoded => ({ ok: true, value });
const bad = (message: string, params?: Record<string, string | number>): Encoded => ({
  ok: false,
  message,
  params,
});

function invalidChoice(field: CustomFieldDef): Encoded {
  return bad('validation.invalid_value', { options: field.options.join(', ') });
}

function encodeNumber(text: string): Encoded {
  if (!NUMBER.test(text)) return bad('validation.custom_number', { scale: 6 });
  const value = new Decimal(text);

  return ok(value.isZero() ? '0' : value.toFixed());
}

function encodeChoices(field: CustomFieldDef, choices: string[]): Encoded {
  const picked = choices.map((choice) => choice.trim()).filter(Boolean);
  if (picked.some((choice) => !field.options.includes(choice))) return invalidChoice(field);
  if (new Set(picked).size !== picked.length) return bad('validation.duplicate');
  if (picked.length === 0) return ok(null);
  if (field.type === 'single') return picked.length === 1 ? ok(picked[0]) : invalidChoice(field);

  return ok(JSON.stringify(field.options.filter((option) => picked.includes(option))));
}

/** Checks a value a request gives for a field; null, '' and [] clear it. */
export function encodeValue(field: CustomFieldDef, input: unknown): Encoded {
  if (input === null || input === undefined || input === '') return ok(null);

  switch (field.type) {
    case 'text': {
      if (typeof input !== 'string')
        return bad('validation.invalid_type', { expected: 'type.string' });
      const text = input.trim();
      if (text.length > TEXT_MAX) return bad('validation.too_big.string', { maximum: TEXT_MAX });
      return ok(text || null);
    }
    case 'number':
      if (typeof input !== 'string' && typeof input !== 'number') {
        return bad('validation.custom_number', { scale: 6 });
      }
      return encodeNumber(String(input).trim());
    case 'date':
      if (typeof input !== 'string' || !isCalendarDate(input.trim())) return bad('validation.date');
      return ok(input.trim());
    case 'boolean':
      if (typeof input !== 'boolean')
        return bad('validation.invalid_type', { expected: 'type.boolean' });
      return ok(String(input));
    case 'single':
      if (typeof input !== 'string') return invalidChoice(field);
      return encodeChoices(field, [input]);
    case 'multiple':
      if (!Array.isArray(input) || input.some((choice) => typeof choice !== 'string')) {
        return bad('validation.invalid_type', { expected: 'type.array' });
      }
      return encodeChoices(field, input as string[]);
  }
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '无', 'n', 'no', 'false', '0', '×']);

/** Reads the text of an Excel cell for a field: 是/否, several choices separated by 、 or commas. */
export function parseCell(field: CustomFieldDef, text: string): Encoded {
  const cell = text.trim();
  if (!cell) return ok(null);

  switch (field.type) {
    case 'boolean': {
      const lower = cell.toLowerCase();
      if (YES.has(lower)) return ok('true');
      if (NO.has(lower)) return ok('false');
      return bad('validation.invalid_value', { options: '是, 否' });
    }
    case 'multiple':
      return encodeChoices(field, cell.split(CHOICE_SEPARATOR));
    case 'date': {
      const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(cell);
      const date = match && `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
      return date ? encodeValue(field, date) : bad('validation.date');
    }
    case 'text':
    case 'number':
    case 'single':
      return encodeValue(field, cell);
  }
}

/** Reads the text of a `cf.<key>` list filter; a multiple choice field matches one choice. */
export function parseFilter(field: CustomFieldDef, text: string): Encoded {
  switch (field.type) {
    case 'boolean':
      if (text === 'true' || text === 'false') return ok(text);
      return bad('validation.invalid_value', { options: 'true, false' });
    case 'multiple':
      return field.options.includes(text) ? ok(text) : invalidChoice(field);
    case 'text':
    case 'number':
    case 'date':
    case 'single':
      return encodeValue(field, text);
  }
}

/** A stored value as an answer carries it. */
export function decodeValue(field: CustomFieldDef, stored: string): CustomValue {
  switch (field.type) {
    case 'boolean':
      return stored === 'true';
    case 'multiple':
      return JSON.parse(stored) as string[];
    case 'text':
    case 'number':
    case 'date':
    case 'single':
      return stored;
  }
}

/** A value as a cell of an export shows it: 是/否, choices joined with 、. */
export function displayValue(value: CustomValue | null, locale: Locale): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return yesNo(value, locale);
  if (Array.isArray(value)) return value.join(locale === 'en-US' ? ', ' : '、');

  return value;
}
