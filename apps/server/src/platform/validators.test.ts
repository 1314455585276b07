import { describe, expect, test } from 'vitest';
import {
  dateSchema,
  isCalendarDate,
  isLicencePlate,
  isMainlandMobile,
  isResidentIdNumber,
  isValidIdNumber,
  maskIdNumber,
  maskMobile,
  mobileSchema,
  normalisePlate,
  plateSchema,
  residentIdCheckCharacter,
  residentIdFacts,
} from './validators.js';

describe('mainland mobile numbers', () => {
  test.each(['13812345678', '15900000000', '19912345678', '16612345678'])('%s is valid', (m) => {
    expect(isMainlandMobile(m)).toBe(true);
  });

  test.each([
    ['too short', '1381234567'],
    ['too long', '138123456789'],
    ['second digit 2', '12812345678'],
    ['second digit 1', '11812345678'],
    ['not starting with 1', '23812345678'],
    ['a landline', '02161234567'],
    ['letters', '1381234567a'],
    ['a country code', '+8613812345678'],
  ])('%s (%s) is not', (_why, m) => {
    expect(isMainlandMobile(m)).toBe(false);
  });

  test('the schema trims and names the message key', () => {
    expect(mobileSchema.parse(' 13812345678 ')).toBe('13812345678');

    const result = mobileSchema.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('validation.phone');
  });
});

describe('licence plates', () => {
  test.each([
    ['an ordinary plate', '京A12345'],
    ['letters in the serial', '沪AB1C23'],
    ['a Guangdong plate', '粤B8K9Z2'],
    ['a trailer', '鲁A1234挂'],
    ['a learner car', '粤B1234学'],
    ['a police car', '京A0001警'],
    ['a Hong Kong cross-border car', '粤Z1234港'],
    ['a Macau cross-border car', '粤Z1234澳'],
    ['a small new-energy car (D, digit)', '粤BD12345'],
    ['a small new-energy car (F, letter)', '沪AFK1234'],
    ['a large new-energy vehicle', '粤B12345D'],
    ['a large new-energy vehicle with F', '京A12345F'],
  ])('%s: %s is valid', (_why, plate) => {
    expect(isLicencePlate(plate)).toBe(true);
  });

  test.each([
    ['one character short', '粤B1234'],
    ['O in the serial', '京AO1234'],
    ['I in the serial', '京A1I234'],
    ['not a plate at all', 'XYZ'],
    ['no province', 'AB12345'],
    ['an unknown province character', '港A12345'],
    ['a digit as authority code', '京112345'],
    ['lower case left as it is', '京a12345'],
    ['special character in the middle', '京A12挂34'],
    ['small new-energy without D or F', '粤BA123456'],
    ['small new-energy with a letter in the last four', '粤BD1234A'],
    ['large new-energy with a letter in the five', '粤B1234AD'],
    ['nine characters', '粤BD123456'],
    ['an embassy plate', '使014578'],
    ['empty', ''],
  ])('%s: %s is not', (_why, plate) => {
    expect(isLicencePlate(plate)).toBe(false);
  });

  test('normalising trims, drops the middle dot and spaces, and upper-cases', () => {
    expect(normalisePlate(' 粤b·d12345 ')).toBe('粤BD12345');
    expect(normalisePlate('京a 123 45')).toBe('京A12345');
  });

  test('the schema answers the normalised plate, or validation.plate', () => {
    expect(plateSchema.parse(' 京a12345 ')).toBe('京A12345');

    const result = plateSchema.safeParse('京AO1234');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('validation.plate');
  });
});

describe('resident ID numbers', () => {
  // 11010519491231002X: the weighted sum of the first 17 digits is 167, 167 mod 11 = 2 → X.
  const valid = '11010519491231002X';

  test('the check character follows ISO 7064 MOD 11-2', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    // 44030419900101123: sum 196, 196 mod 11 = 9, and position 9 of 10X98765432 is 3.
    expect(residentIdCheckCharacter('44030419900101123')).toBe('3');
  });

  test.each([valid, '440304199001011233', '310101198506152011'])('%s is valid', (id) => {
    expect(isResidentIdNumber(id)).toBe(true);
  });

  test.each([
    ['a wrong check digit', '110105194912310021'],
    ['a lower-case x not yet normalised', '11010519491231002x'],
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['a letter inside', '1101051949123100AX'],
    ['February 30th', withCheck('11010519900230002')],
    ['month 13', withCheck('11010519901301002')],
    ['born before 1900', withCheck('11010518991231002')],
    ['born in the future', withCheck('11010521990101002')],
  ])('%s (%s) is not', (_why, id) => {
    expect(isResidentIdNumber(id)).toBe(false);
  });

  test('the number states birthday and gender', () => {
    expect(residentIdFacts(valid)).toEqual({ birthday: '1949-12-31', gender: 'female' });
    expect(residentIdFacts('440304199001011233')).toEqual({
      birthday: '1990-01-01',
      gender: 'male',
    });
  });

  test('only resident IDs are checksummed; other documents need a plain number', () => {
    expect(isValidIdNumber('resident_id', '110105194912310021')).toBe(false);
    expect(isValidIdNumber('passport', 'E12345678')).toBe(true);
    expect(isValidIdNumber('hk_macau_permit', 'C12345678')).toBe(true);
    expect(isValidIdNumber('taiwan_permit', '12345678')).toBe(true);
    expect(isValidIdNumber('passport', 'E123 45678')).toBe(false);
    expect(isValidIdNumber('other', '')).toBe(false);
  });
});

describe('masks', () => {
  test('an ID number keeps its first 3 and last 4 characters', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110***********1234');
    expect(maskIdNumber('E12345678')).toBe('E12**5678');
  });

  test('a number too short to mask partly is hidden whole', () => {
    expect(maskIdNumber('A1234')).toBe('*****');
  });

  test('a mobile keeps its first 3 and last 4 digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
});

describe('business dates', () => {
  test.each(['2026-01-31', '2024-02-29', '2026-12-01'])('%s exists', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  test.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '20260101', ''])(
    '%s does not',
    (d) => {
      expect(isCalendarDate(d)).toBe(false);
    },
  );

  test('the schema refuses an impossible day with validation.date', () => {
    expect(dateSchema.safeParse('2026-04-31').error?.issues[0].message).toBe('validation.date');
  });
});

/** Appends the right check character, so that only the date makes the number wrong. */
function withCheck(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}
