// Date ranges are plain calendar dates (YYYY-MM-DD) in the viewer's time zone, inclusive at both ends.
// The API receives them as `from`/`to` together with `tz`, so the server decides where each day starts.

export const PRESETS = [
  { id: 'today', label: 'Today' },
  { id: 'yesterday', label: 'Yesterday' },
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: 'month', label: 'This month' },
  { id: 'custom', label: 'Custom range' },
];

export const DEFAULT_PRESET = '7d';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The calendar date of `now` as seen in `tz`. */
export function todayIn(tz, now = new Date()) {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function isIsoDate(value) {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days covered by an inclusive range. */
export function daysBetween(from, to) {
  const ms = new Date(`${to}T00:00:00Z`) - new Date(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** Returns an error message for an invalid custom range, or null. */
export function validateCustomRange(from, to) {
  if (!isIsoDate(from)) return 'Enter a start date.';
  if (!isIsoDate(to)) return 'Enter an end date.';
  if (from > to) return 'The start date must be on or before the end date.';
  return null;
}

/**
 * Resolves a preset (or a custom from/to) to concrete dates.
 * Falls back to the default preset when the custom dates are invalid.
 */
export function resolveRange({ preset, from, to }, { tz, now = new Date() }) {
  const today = todayIn(tz, now);
  switch (preset) {
    case 'today':
      return { preset, from: today, to: today };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { preset, from: yesterday, to: yesterday };
    }
    case '30d':
      return { preset, from: addDays(today, -29), to: today };
    case 'month':
      return { preset, from: `${today.slice(0, 8)}01`, to: today };
    case 'custom':
      if (validateCustomRange(from, to) === null) return { preset, from, to };
      return resolveRange({ preset: DEFAULT_PRESET }, { tz, now });
    case '7d':
    default:
      return { preset: '7d', from: addDays(today, -6), to: today };
  }
}

/** The finest interval that keeps a chart readable for the range. */
export function defaultInterval({ from, to }) {
  const days = daysBetween(from, to);
  if (days <= 2) return 'hour';
  if (days <= 92) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}

/** Intervals worth offering for a range: hours only for short ranges, months only for long ones. */
export function allowedIntervals(range) {
  const days = daysBetween(range.from, range.to);
  const intervals = [];
  if (days <= 7) intervals.push('hour');
  intervals.push('day');
  if (days >= 14) intervals.push('week');
  if (days >= 60) intervals.push('month');
  return intervals;
}

export function rangeLabel(range) {
  const preset = PRESETS.find((p) => p.id === range.preset);
  if (range.preset !== 'custom' && preset) return preset.label;
  return range.from === range.to ? range.from : `${range.from} – ${range.to}`;
}

/** Reads the range kept in the URL (`period`, and `from`/`to` for custom). */
export function rangeFromSearchParams(params) {
  const preset = params.get('period') ?? DEFAULT_PRESET;
  if (preset === 'custom') return { preset, from: params.get('from'), to: params.get('to') };
  return { preset: PRESETS.some((p) => p.id === preset) ? preset : DEFAULT_PRESET };
}

/** Writes a range into a copy of `params`, leaving the other parameters alone. */
export function rangeToSearchParams(range, params = new URLSearchParams()) {
  const next = new URLSearchParams(params);
  next.delete('from');
  next.delete('to');
  if (range.preset === DEFAULT_PRESET) next.delete('period');
  else next.set('period', range.preset);
  if (range.preset === 'custom') {
    next.set('from', range.from);
    next.set('to', range.to);
  }
  return next;
}
