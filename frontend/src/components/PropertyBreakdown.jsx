import { useId, useState } from 'react';
import { events } from '../api/index.js';
import { useApi } from '../hooks/useApi.js';
import { BreakdownResult } from './BreakdownPanel.jsx';
import { Empty } from './States.jsx';

/** Custom event properties: pick a key (suggested from recent events) and see its values. */
export function PropertyBreakdown({ query, onSelect }) {
  const inputId = useId();
  const listId = useId();
  const [key, setKey] = useState('');
  const [draft, setDraft] = useState('');
  const recent = useApi((signal) => events.list(query, { limit: 100 }, { signal }), [query]);
  const suggestions = [
    ...new Set((recent.data?.events ?? []).flatMap((event) => Object.keys(event.properties ?? {}))),
  ].sort();

  function submit(event) {
    event.preventDefault();
    setKey(draft.trim());
  }

  return (
    <div className="property-breakdown">
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={inputId}>Property</label>
        <input
          id={inputId}
          list={listId}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={suggestions[0] ?? 'plan'}
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" className="button button-small">
          Show
        </button>
      </form>
      {key ? (
        <BreakdownResult dimension={`property:${key}`} query={query} secondMetric="events" onSelect={onSelect} />
      ) : (
        <Empty>
          {suggestions.length
            ? `Choose a property, such as ${suggestions.slice(0, 3).join(', ')}.`
            : 'Send events with properties to break them down here.'}
        </Empty>
      )}
    </div>
  );
}
