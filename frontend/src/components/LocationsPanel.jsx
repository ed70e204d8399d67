import { lazy, Suspense, useState } from 'react';
import { stats } from '../api/index.js';
import { useApi } from '../hooks/useApi.js';
import { countryName } from '../lib/countries.js';
import { BreakdownTable } from './BreakdownTable.jsx';
import { AsyncContent } from './States.jsx';
import { Tabs } from './Tabs.jsx';

// The atlas is about 100 KB of JSON: it comes in its own chunk, after the dashboard's first paint.
const WorldMap = lazy(() => import('./WorldMap.jsx'));

const TABS = [
  { id: 'country', label: 'Countries', dimension: 'country' },
  { id: 'region', label: 'Regions', dimension: 'region' },
  { id: 'city', label: 'Cities', dimension: 'city' },
];
const LIST_ROWS = 10;
/** Every country has a shape, so the map asks for all of them; the list shows the top ones. */
const MAP_ROWS = 300;


function Countries({ query, onSelect, activeValue }) {
  const result = useApi((signal) => stats.breakdown(query, 'country', MAP_ROWS, { signal }), [query]);
  return (
    <AsyncContent result={result} isEmpty={(data) => !data.rows?.length} empty="No locations recorded for this period.">
      {(data) => (
        <>
          <Suspense fallback={<div className="world-map-placeholder" aria-busy="true" />}>
            <WorldMap rows={data.rows} onSelect={onSelect} activeValue={activeValue} />
          </Suspense>
          <BreakdownTable
            dimension="country"
            rows={data.rows.slice(0, LIST_ROWS)}
            onSelect={onSelect}
            activeValue={activeValue}
            formatValue={countryName}
          />
        </>
      )}
    </AsyncContent>
  );
}

function Places({ dimension, query, onSelect, activeValue }) {
  const result = useApi((signal) => stats.breakdown(query, dimension, LIST_ROWS, { signal }), [query, dimension]);
  return (
    <AsyncContent result={result} isEmpty={(data) => !data.rows?.length} empty="Nothing recorded for this period.">
      {(data) => (
        <BreakdownTable dimension={dimension} rows={data.rows} onSelect={onSelect} activeValue={activeValue} />
      )}
    </AsyncContent>
  );
}

/** Where visitors are: a world map with the countries list, and lists of regions and cities. */
export function LocationsPanel({ query, onSelect }) {
  const [active, setActive] = useState('country');
  const tab = TABS.find((t) => t.id === active);
  const activeValue = query.filters.find((f) => f.dimension === tab.dimension)?.value;

  return (
    <section className="card breakdown-card locations-card" aria-label="Locations" data-testid="panel-locations">
      <header className="card-header">
        <h2>Locations</h2>
        <Tabs tabs={TABS} active={active} onChange={setActive} label="Locations" />
      </header>
      <div role="tabpanel" aria-label={tab.label}>
        {tab.id === 'country' ? (
          <Countries query={query} onSelect={onSelect} activeValue={activeValue} />
        ) : (
          <Places dimension={tab.dimension} query={query} onSelect={onSelect} activeValue={activeValue} />
        )}
      </div>
    </section>
  );
}
