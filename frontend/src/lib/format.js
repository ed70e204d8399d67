const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function formatNumber(value) {
  if (value == null || Number.isNaN(value)) return '—';
  return Math.abs(value) >= 10_000 ? compact.format(value) : integer.format(value);
}

export function formatDecimal(value) {
  if (value == null || Number.isNaN(value)) return '—';
  return decimal.format(value);
}

/** Rates from the API are fractions (0.42 = 42 %). */
export function formatPercent(fraction) {
  if (fraction == null || Number.isNaN(fraction)) return '—';
  return `${Math.round(fraction * 1000) / 10}%`;
}

export function formatDuration(seconds) {
  if (seconds == null || Number.isNaN(seconds)) return '—';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}

/**
 * Change of a metric against the previous period: relative for counts, in percentage points for
 * rates. Returns null when there is nothing to compare with.
 */
export function change(current, previous, { kind = 'relative' } = {}) {
  if (current == null || previous == null) return null;
  if (kind === 'points') return oneDecimal((current - previous) * 100);
  if (previous === 0) return current === 0 ? 0 : null;
  return oneDecimal(((current - previous) / previous) * 100);
}

/** Rounds half away from zero, so a rise and a fall of the same size read the same. */
function oneDecimal(value) {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10 || 0;
}

export function formatDateTime(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function formatTime(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
