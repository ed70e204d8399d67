import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../lib/format.js';

const METRIC_LABELS = { visitors: 'Visitors', pageviews: 'Page views', sessions: 'Sessions', events: 'Events' };

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

function tickFormatter(interval, tz) {
  const options =
    interval === 'hour'
      ? { hour: '2-digit', minute: '2-digit' }
      : interval === 'month'
        ? { month: 'short', year: 'numeric' }
        : { month: 'short', day: 'numeric' };
  // Bare dates are calendar days, not instants: format them in UTC so no offset shifts the day.
  const inZone = new Intl.DateTimeFormat(undefined, { ...options, timeZone: tz });
  const asDate = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
  return (t) => {
    const bare = BARE_DATE.test(t);
    const date = new Date(bare ? `${t}T00:00:00Z` : t);
    if (Number.isNaN(date.getTime())) return String(t);
    return (bare ? asDate : inZone).format(date);
  };
}

export function TimeSeriesChart({ points, metric, interval, tz }) {
  const format = tickFormatter(interval, tz);
  const label = METRIC_LABELS[metric];
  return (
    <figure className="chart" data-testid="timeseries-chart">
      <figcaption className="visually-hidden">
        {label} per {interval}
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <AreaChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <defs>
            <linearGradient id="series-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="var(--accent)" stopOpacity={0.3} />
              <stop offset="100%" stopColor="var(--accent)" stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="t" tickFormatter={format} minTickGap={24} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={formatNumber} width={44} tick={{ fontSize: 12 }} />
          <Tooltip labelFormatter={format} formatter={(value) => [formatNumber(value), label]} />
          <Area
            type="monotone"
            dataKey={metric}
            name={label}
            stroke="var(--accent)"
            strokeWidth={2}
            fill="url(#series-fill)"
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
