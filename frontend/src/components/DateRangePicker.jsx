import { useId, useState } from 'react';
import { PRESETS, validateCustomRange } from '../lib/dateRange.js';

/** Picks a preset period, or a custom pair of dates, and shows the time zone they are read in. */
export function DateRangePicker({ range, tz, onChange }) {
  const selectId = useId();
  const [editingCustom, setEditingCustom] = useState(false);
  const [draft, setDraft] = useState({ from: range.from, to: range.to });
  const [error, setError] = useState(null);
  const showCustom = editingCustom || range.preset === 'custom';

  function choose(preset) {
    setError(null);
    if (preset === 'custom') {
      setDraft({ from: range.from, to: range.to });
      setEditingCustom(true);
      return;
    }
    setEditingCustom(false);
    onChange({ preset });
  }

  function apply(event) {
    event.preventDefault();
    const problem = validateCustomRange(draft.from, draft.to);
    setError(problem);
    if (problem) return;
    setEditingCustom(false);
    onChange({ preset: 'custom', from: draft.from, to: draft.to });
  }

  return (
    <div className="date-range" data-testid="date-range">
      <div className="date-range-row">
        <label htmlFor={selectId} className="visually-hidden">
          Date range
        </label>
        <select
          id={selectId}
          value={showCustom ? 'custom' : range.preset}
          onChange={(e) => choose(e.target.value)}
          data-testid="date-range-select"
        >
          {PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
        <span className="muted date-range-dates" data-testid="date-range-dates">
          {range.from === range.to ? range.from : `${range.from} → ${range.to}`}
        </span>
        <span className="tz" title="Dates and charts use this time zone" data-testid="time-zone">
          {tz}
        </span>
      </div>
      {showCustom && (
        <form className="date-range-custom" onSubmit={apply} noValidate aria-label="Custom date range">
          <label>
            From
            <input
              type="date"
              value={draft.from ?? ''}
              max={draft.to || undefined}
              onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
              aria-invalid={error ? true : undefined}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={draft.to ?? ''}
              min={draft.from || undefined}
              onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
              aria-invalid={error ? true : undefined}
            />
          </label>
          <button type="submit" className="button button-small">
            Apply
          </button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
