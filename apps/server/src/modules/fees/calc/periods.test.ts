import { describe, expect, test } from 'vitest';
import { addMonths, billingPeriods, daysBetween, displayPeriod } from './periods.js';

describe('dates', () => {
  test('a month later keeps the day, clamped to the month length', () => {
    expect(addMonths('2024-03-10', 3)).toBe('2024-06-10');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });

  test('a half-open period shows with its inclusive end', () => {
    expect(displayPeriod({ start: '2024-03-10', end: '2024-06-10' })).toBe(
      '2024-03-10 至 2024-06-09',
    );
    expect(daysBetween('2024-03-17', '2024-04-01')).toBe(15);
  });
});

describe('billing periods (DOMAIN §1.5)', () => {
  test('a move-in on 2024-03-17 starts with a partial March, then whole months', () => {
    const periods = billingPeriods({
      cycle: 'MONTHLY',
      anchor: 'CALENDAR',
      start: '2024-03-17',
      until: '2024-06-01',
    });

    expect(periods.map((p) => p.label)).toEqual(['2024-03 (03-17~03-31)', '2024-04', '2024-05']);
    expect(periods[0]).toMatchObject({ start: '2024-03-17', end: '2024-04-01', partial: true });
    expect(periods[1]).toMatchObject({ start: '2024-04-01', end: '2024-05-01', partial: false });
  });

  test('quarters anchor on months 1/4/7/10: 2024-Q2 is April to June', () => {
    const periods = billingPeriods({
      cycle: 'QUARTERLY',
      anchor: 'CALENDAR',
      start: '2024-03-17',
      until: '2024-10-01',
    });

    expect(periods.map((p) => p.label)).toEqual(['2024-Q1 (03-17~03-31)', '2024-Q2', '2024-Q3']);
    expect(periods[1]).toMatchObject({ start: '2024-04-01', end: '2024-07-01' });
  });

  test('half-years and years are labelled H1/H2 and by the year', () => {
    const half = billingPeriods({
      cycle: 'HALF_YEARLY',
      anchor: 'CALENDAR',
      start: '2024-01-01',
      until: '2025-01-01',
    });
    const year = billingPeriods({
      cycle: 'YEARLY',
      anchor: 'CALENDAR',
      start: '2024-01-01',
      until: '2026-01-01',
    });

    expect(half.map((p) => p.label)).toEqual(['2024-H1', '2024-H2']);
    expect(year.map((p) => p.label)).toEqual(['2024', '2025']);
  });

  test('anniversary years run from the handover date and are labelled by their start', () => {
    const periods = billingPeriods({
      cycle: 'YEARLY',
      anchor: 'ANNIVERSARY',
      start: '2024-03-17',
      until: '2026-03-17',
    });

    expect(periods.map((p) => [p.label, displayPeriod(p)])).toEqual([
      ['2024-03-17', '2024-03-17 至 2025-03-16'],
      ['2025-03-17', '2025-03-17 至 2026-03-16'],
    ]);
  });

  test('an anniversary on 02-29 falls on 02-28 in the years without one', () => {
    const periods = billingPeriods({
      cycle: 'YEARLY',
      anchor: 'ANNIVERSARY',
      start: '2024-02-29',
      until: '2026-01-01',
    });

    expect(periods.map((p) => p.start)).toEqual(['2024-02-29', '2025-02-28']);
  });

  test('a binding that ends inside a period cuts it short', () => {
    const periods = billingPeriods({
      cycle: 'MONTHLY',
      anchor: 'CALENDAR',
      start: '2024-04-01',
      until: '2024-12-01',
      bindingEnd: '2024-05-11',
    });

    expect(periods.map((p) => p.label)).toEqual(['2024-04', '2024-05 (05-01~05-10)']);
  });

  test('labels of one scheme sort chronologically as strings', () => {
    const labels = billingPeriods({
      cycle: 'MONTHLY',
      anchor: 'CALENDAR',
      start: '2024-01-01',
      until: '2025-03-01',
    }).map((p) => p.label);

    expect([...labels].sort()).toEqual(labels);
  });
});
