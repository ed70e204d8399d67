import { describe, expect, test } from 'vitest';
import {
  addDays,
  allowedIntervals,
  defaultInterval,
  rangeFromSearchParams,
  rangeToSearchParams,
  resolveRange,
  todayIn,
  validateCustomRange,
} from './dateRange.js';

// 02:30 UTC on 1 March is still 28 February in New York and already 1 March in Tokyo.
const NOW = new Date('2026-03-01T02:30:00Z');

describe('todayIn', () => {
  test('uses the calendar date of the given time zone, not of UTC', () => {
    expect(todayIn('America/New_York', NOW)).toBe('2026-02-28');
    expect(todayIn('Asia/Tokyo', NOW)).toBe('2026-03-01');
    expect(todayIn('UTC', NOW)).toBe('2026-03-01');
  });
});

describe('resolveRange', () => {
  const tz = 'America/New_York';
  const resolve = (choice) => resolveRange(choice, { tz, now: NOW });

  test('today and yesterday are single days in the viewer time zone', () => {
    expect(resolve({ preset: 'today' })).toEqual({ preset: 'today', from: '2026-02-28', to: '2026-02-28' });
    expect(resolve({ preset: 'yesterday' })).toEqual({ preset: 'yesterday', from: '2026-02-27', to: '2026-02-27' });
  });

  test('last 7 and 30 days include today', () => {
    expect(resolve({ preset: '7d' })).toMatchObject({ from: '2026-02-22', to: '2026-02-28' });
    expect(resolve({ preset: '30d' })).toMatchObject({ from: '2026-01-30', to: '2026-02-28' });
  });

  test('this month starts on the first of the month in the viewer time zone', () => {
    expect(resolve({ preset: 'month' })).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(resolveRange({ preset: 'month' }, { tz: 'Asia/Tokyo', now: NOW })).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-01',
    });
  });

  test('keeps a valid custom range as given', () => {
    expect(resolve({ preset: 'custom', from: '2025-12-24', to: '2026-01-02' })).toEqual({
      preset: 'custom',
      from: '2025-12-24',
      to: '2026-01-02',
    });
  });

  test('falls back to the last 7 days for a reversed or malformed custom range', () => {
    expect(resolve({ preset: 'custom', from: '2026-02-10', to: '2026-02-01' })).toMatchObject({ preset: '7d' });
    expect(resolve({ preset: 'custom', from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ preset: '7d' });
    expect(resolve({ preset: 'bogus' })).toMatchObject({ preset: '7d' });
  });
});

describe('validateCustomRange', () => {
  test('accepts a single day and ordered dates', () => {
    expect(validateCustomRange('2026-01-01', '2026-01-01')).toBeNull();
    expect(validateCustomRange('2025-12-31', '2026-01-01')).toBeNull();
  });

  test('explains what is wrong', () => {
    expect(validateCustomRange('', '2026-01-01')).toMatch(/start date/i);
    expect(validateCustomRange('2026-01-01', '')).toMatch(/end date/i);
    expect(validateCustomRange('2026-01-02', '2026-01-01')).toMatch(/on or before/i);
  });
});

describe('intervals', () => {
  test('short ranges chart by hour, months by day, years by week or month', () => {
    expect(defaultInterval({ from: '2026-01-01', to: '2026-01-01' })).toBe('hour');
    expect(defaultInterval({ from: '2026-01-01', to: '2026-01-30' })).toBe('day');
    expect(defaultInterval({ from: '2026-01-01', to: '2026-06-30' })).toBe('week');
    expect(defaultInterval({ from: '2024-01-01', to: '2026-01-01' })).toBe('month');
  });

  test('offers hours only for ranges of a week or less', () => {
    expect(allowedIntervals({ from: '2026-01-01', to: '2026-01-07' })).toEqual(['hour', 'day']);
    expect(allowedIntervals({ from: '2026-01-01', to: '2026-03-31' })).toEqual(['day', 'week', 'month']);
  });

  test('addDays crosses month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('URL round trip', () => {
  test('a preset is stored as period and the default preset is left out', () => {
    expect(rangeToSearchParams({ preset: '30d' }).toString()).toBe('period=30d');
    expect(rangeToSearchParams({ preset: '7d' }).toString()).toBe('');
  });

  test('a custom range keeps its dates and other parameters survive', () => {
    const params = rangeToSearchParams(
      { preset: 'custom', from: '2026-01-01', to: '2026-01-31' },
      new URLSearchParams('filter=page:/pricing&period=today'),
    );
    expect(params.getAll('filter')).toEqual(['page:/pricing']);
    expect(rangeFromSearchParams(params)).toEqual({ preset: 'custom', from: '2026-01-01', to: '2026-01-31' });
  });

  test('switching back to a preset drops the custom dates', () => {
    const params = rangeToSearchParams({ preset: 'today' }, new URLSearchParams('period=custom&from=2026-01-01&to=2026-01-31'));
    expect(params.toString()).toBe('period=today');
  });
});
