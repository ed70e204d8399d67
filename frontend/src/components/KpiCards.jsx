import { change, formatDecimal, formatDuration, formatNumber, formatPercent } from '../lib/format.js';

export const KPIS = [
  { key: 'visitors', label: 'Unique visitors', format: formatNumber },
  { key: 'pageviews', label: 'Page views', format: formatNumber },
  { key: 'sessions', label: 'Sessions', format: formatNumber },
  { key: 'bounceRate', label: 'Bounce rate', format: formatPercent, kind: 'points', lowerIsBetter: true },
  { key: 'avgSessionSeconds', label: 'Visit duration', format: formatDuration },
  { key: 'viewsPerSession', label: 'Views per visit', format: formatDecimal },
];

function Change({ kpi, current, previous }) {
  const delta = change(current, previous, { kind: kpi.kind });
  if (delta === null) return <span className="kpi-change muted">no earlier data</span>;
  const unit = kpi.kind === 'points' ? ' pp' : '%';
  const good = kpi.lowerIsBetter ? delta < 0 : delta > 0;
  const tone = delta === 0 ? 'flat' : good ? 'up' : 'down';
  const arrow = delta > 0 ? '↑' : delta < 0 ? '↓' : '→';
  return (
    <span className={`kpi-change kpi-change-${tone}`} data-testid={`kpi-${kpi.key}-change`}>
      <span aria-hidden="true">{arrow}</span> {Math.abs(delta)}
      {unit}
      <span className="visually-hidden">
        {delta === 0 ? ' same as the previous period' : ` ${delta > 0 ? 'more' : 'less'} than the previous period`}
      </span>
    </span>
  );
}

export function KpiCards({ overview, selected, onSelect }) {
  return (
    <ul className="kpis" data-testid="kpis">
      {KPIS.map((kpi) => {
        const current = overview[kpi.key];
        const previous = overview.previous?.[kpi.key];
        const selectable = onSelect && ['visitors', 'pageviews', 'sessions'].includes(kpi.key);
        const content = (
          <>
            <span className="kpi-label">{kpi.label}</span>
            <span className="kpi-value" data-testid={`kpi-${kpi.key}-value`}>
              {kpi.format(current)}
            </span>
            <Change kpi={kpi} current={current} previous={previous} />
          </>
        );
        return (
          <li key={kpi.key} className="kpi" data-testid={`kpi-${kpi.key}`}>
            {selectable ? (
              <button
                type="button"
                className={selected === kpi.key ? 'kpi-button kpi-selected' : 'kpi-button'}
                aria-pressed={selected === kpi.key}
                onClick={() => onSelect(kpi.key)}
              >
                {content}
              </button>
            ) : (
              <div className="kpi-button kpi-static">{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
