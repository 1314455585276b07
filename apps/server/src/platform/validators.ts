import { z } from 'zod';

/**
 * Checks for the personal data of the property archive: mainland mobile numbers, Chinese
 * licence plates, identity documents, and the masks that hide them from callers who may not
 * see them in full. Pure functions first; the zod schemas built on them follow.
 */

/* ------------------------------------------------------------------- dates */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a day that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));

  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A business date, `YYYY-MM-DD`, that exists on the calendar. */
export const dateSchema = z
  .string()
  .trim()
  .regex(DATE_PATTERN, { message: 'validation.date' })
  .refine(isCalendarDate, { message: 'validation.date' });

/* ----------------------------------------------------------------- mobiles */

/** Mobile numbers of mainland China: 11 digits, 1 then 3–9. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isMainlandMobile(value: string): boolean {
  return MOBILE_PATTERN.test(value);
}

export const mobileSchema = z
  .string()
  .trim()
  .regex(MOBILE_PATTERN, { message: 'validation.phone' });

/* ------------------------------------------------------------------ plates */

/** The 31 provinces' one-character abbreviations that open a plate (GA 36-2018). */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

// Serial characters: digits and letters without I and O, which read as 1 and 0.
const SERIAL = '[A-HJ-NP-Z0-9]';
const HEAD = `[${PLATE_PROVINCES}][A-Z]`;
/** 京A12345, and 粤B1234学 with a special last character (trailer, learner, police, HK, Macau). */
const ORDINARY = new RegExp(`^${HEAD}${SERIAL}{4}(${SERIAL}|[挂学警港澳])$`, 'u');
/** Small new-energy vehicles: D (battery) or F (other), a letter or digit, four digits. */
const NEW_ENERGY_SMALL = new RegExp(`^${HEAD}[DF]${SERIAL}\\d{4}$`, 'u');
/** Large new-energy vehicles: five digits, then D or F. */
const NEW_ENERGY_LARGE = new RegExp(`^${HEAD}\\d{5}[DF]$`, 'u');

/** Upper case, without the spaces and middle dots people type inside plates (粤B·12345). */
export function normalisePlate(value: string): string {
  return value.replace(/[\s·•.-]/g, '').toUpperCase();
}

/**
 * Whether a (normalised) plate is an ordinary 7-character plate or an 8-character new-energy
 * plate. Embassy and consulate plates (使/领) are not accepted.
 */
export function isLicencePlate(plate: string): boolean {
  return ORDINARY.test(plate) || NEW_ENERGY_SMALL.test(plate) || NEW_ENERGY_LARGE.test(plate);
}

export const plateSchema = z
  .string()
  .max(20)
  .overwrite(normalisePlate)
  .refine(isLicencePlate, { message: 'validation.plate' });

/* ------------------------------------------------------- identity documents */

/** 身份证, 护照, 港澳通行证, 台胞证, other. Only the resident ID card carries a checksum. */
export const idTypeSchema = z.enum([
  'resident_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'other',
]);
export type IdType = z.infer<typeof idTypeSchema>;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** Trimmed and upper case, so that a final x reads as X. */
export function normaliseIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);

  return ID_CHECK_CHARACTERS[sum % 11];
}

/**
 * Whether an 18-character resident ID number (居民身份证号) is well formed: 17 digits and a
 * check character that matches, with a birth date that exists and is not in the future.
 */
export function isResidentIdNumber(value: string, today = new Date()): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return false;
  const birthday = residentIdBirthday(value);

  return birthday >= '1900-01-01' && isCalendarDate(birthday) && birthday <= isoDay(today);
}

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function residentIdBirthday(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** The birthday and gender a valid resident ID number states (odd 17th digit: male). */
export function residentIdFacts(value: string): { birthday: string; gender: 'male' | 'female' } {
  return {
    birthday: residentIdBirthday(value),
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Whether a document number is acceptable for its type; only resident IDs are checksummed. */
export function isValidIdNumber(type: IdType, value: string): boolean {
  if (type === 'resident_id') return isResidentIdNumber(value);

  return /^[\p{L}\p{N}()（）-]{1,30}$/u.test(value);
}

/* ------------------------------------------------------------------- masks */

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);

  return (
    value.slice(0, keepStart) +
    '*'.repeat(value.length - keepStart - keepEnd) +
    value.slice(value.length - keepEnd)
  );
}

/** `110105194912310021` → `110***********0021`; short numbers are hidden whole. */
export function maskIdNumber(value: string): string {
  return maskMiddle(value, 3, 4);
}

/** `13812345678` → `138****5678`. */
export function maskMobile(value: string): string {
  return maskMiddle(value, 3, 4);
}
