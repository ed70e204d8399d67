import { countryName } from '../lib/countries.js';
import { dimensionLabel } from '../lib/filters.js';

/** A filter's value as a person reads it: countries by name, everything else as stored. */
const shownValue = ({ dimension, value }) => (dimension === 'country' ? countryName(value) : value);

export function FilterChips({ filters, onRemove, onClear }) {
  if (filters.length === 0) return null;
  return (
    <div className="filter-chips" aria-label="Active filters" role="group" data-testid="filter-chips">
      {filters.map((filter) => {
        const label = `${dimensionLabel(filter.dimension)} is ${shownValue(filter)}`;
        return (
          <span className="chip" key={`${filter.dimension}:${filter.value}`} data-testid="filter-chip">
            <span className="chip-label">
              <span className="muted">{dimensionLabel(filter.dimension)} is</span> <strong>{shownValue(filter)}</strong>
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove filter: ${label}`}
              onClick={() => onRemove(filter)}
            >
              ×
            </button>
          </span>
        );
      })}
      {filters.length > 1 && (
        <button type="button" className="link-button" onClick={onClear}>
          Clear all
        </button>
      )}
    </div>
  );
}
