import { describe, expect, test } from 'vitest';
import { change, formatDuration, formatNumber, formatPercent } from './format.js';

describe('format', () => {
  test('durations read as hours, minutes and seconds', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(83)).toBe('1m 23s');
    expect(formatDuration(3725)).toBe('1h 2m');
    expect(formatDuration(null)).toBe('—');
  });

  test('rates are fractions shown as percentages', () => {
    expect(formatPercent(0.4567)).toBe('45.7%');
    expect(formatPercent(1)).toBe('100%');
  });

  test('large counts are abbreviated', () => {
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(12_345)).toBe('12.3K');
  });

  test('change is relative for counts and in points for rates', () => {
    expect(change(150, 100)).toBe(50);
    expect(change(50, 100)).toBe(-50);
    expect(change(0.45, 0.5, { kind: 'points' })).toBe(-5);
    expect(change(10, 0)).toBeNull();
    expect(change(0, 0)).toBe(0);
    expect(change(10, undefined)).toBeNull();
  });
});

test('a change of exactly half a tenth rounds away from zero both ways', () => {
  expect(change(150, 160)).toBe(-6.3);
  expect(change(170, 160)).toBe(6.3);
});
