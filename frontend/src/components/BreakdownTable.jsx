import { dimensionLabel } from '../lib/filters.js';
import { formatNumber } from '../lib/format.js';

/**
 * One breakdown as a table. Each value is a button: choosing it filters the whole dashboard by it.
 * Bars show each row's share of the top row's visitors. `formatValue` shows a stored value another way (a
 * country code by its name); the filter keeps the stored value.
 */
export function BreakdownTable({ dimension, rows, secondMetric = 'pageviews', onSelect, activeValue, formatValue }) {
  const max = Math.max(1, ...rows.map((row) => row.visitors ?? 0));
  const label = dimensionLabel(dimension);
  return (
    <table className="breakdown" data-testid={`breakdown-${dimension}`}>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" className="num">
            Visitors
          </th>
          <th scope="col" className="num hide-narrow">
            {secondMetric === 'events' ? 'Events' : 'Views'}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const value = row.value ?? '';
          const shown = value === '' ? '(none)' : formatValue ? formatValue(value) : value;
          const active = value === activeValue;
          return (
            <tr key={shown} data-testid="breakdown-row" data-value={value} className={active ? 'active' : undefined}>
              <td className="breakdown-value">
                <span className="bar" style={{ width: `${((row.visitors ?? 0) / max) * 100}%` }} aria-hidden="true" />
                <button
                  type="button"
                  className="row-button"
                  onClick={() => onSelect({ dimension, value })}
                  disabled={value === '' || active}
                  title={`Filter by ${label.toLowerCase()} ${shown}`}
                  aria-label={`Filter by ${label.toLowerCase()} ${shown}`}
                >
                  {shown}
                </button>
              </td>
              <td className="num">{formatNumber(row.visitors)}</td>
              <td className="num hide-narrow">{formatNumber(row[secondMetric])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
