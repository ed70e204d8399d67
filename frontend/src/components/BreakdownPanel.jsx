import { useState } from 'react';
import { stats } from '../api/index.js';
import { useApi } from '../hooks/useApi.js';
import { AsyncContent } from './States.jsx';
import { BreakdownTable } from './BreakdownTable.jsx';
import { Tabs } from './Tabs.jsx';

const LIMIT = 10;

/** A card of related breakdowns (e.g. pages / entry / exit), one tab each. */
export function BreakdownPanel({ title, tabs, query, onSelect, testId }) {
  const [active, setActive] = useState(tabs[0].id);
  const tab = tabs.find((t) => t.id === active);
  const activeFilter = query.filters.find((f) => f.dimension === tab.dimension);

  return (
    <section className="card breakdown-card" aria-label={title} data-testid={testId}>
      <header className="card-header">
        <h2>{title}</h2>
        {tabs.length > 1 && <Tabs tabs={tabs} active={active} onChange={setActive} label={title} />}
      </header>
      <div role="tabpanel" aria-label={tab.label}>
        {tab.render ? (
          tab.render({ query, onSelect })
        ) : (
          <BreakdownResult
            dimension={tab.dimension}
            query={query}
            secondMetric={tab.secondMetric}
            onSelect={onSelect}
            activeValue={activeFilter?.value}
          />
        )}
      </div>
    </section>
  );
}

export function BreakdownResult({ dimension, query, secondMetric, onSelect, activeValue }) {
  const result = useApi((signal) => stats.breakdown(query, dimension, LIMIT, { signal }), [query, dimension]);
  return (
    <AsyncContent result={result} isEmpty={(data) => !data.rows?.length} empty="Nothing recorded for this period.">
      {(data) => (
        <BreakdownTable
          dimension={dimension}
          rows={data.rows}
          secondMetric={secondMetric}
          onSelect={onSelect}
          activeValue={activeValue}
        />
      )}
    </AsyncContent>
  );
}
