import { useEffect, useState } from 'react';
import { stats } from '../api/index.js';
import { BreakdownPanel } from '../components/BreakdownPanel.jsx';
import { DateRangePicker } from '../components/DateRangePicker.jsx';
import { ExportButton } from '../components/ExportButton.jsx';
import { FilterChips } from '../components/FilterChips.jsx';
import { KpiCards } from '../components/KpiCards.jsx';
import { LocationsPanel } from '../components/LocationsPanel.jsx';
import { PropertyBreakdown } from '../components/PropertyBreakdown.jsx';
import { RealtimeBadge } from '../components/RealtimeBadge.jsx';
import { AsyncContent } from '../components/States.jsx';
import { TimeSeriesChart } from '../components/TimeSeriesChart.jsx';
import { useApi } from '../hooks/useApi.js';
import { useQueryState } from '../hooks/useQueryState.js';
import { allowedIntervals, defaultInterval } from '../lib/dateRange.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

const PANELS = [
  {
    title: 'Pages',
    testId: 'panel-pages',
    tabs: [
      { id: 'page', label: 'Top pages', dimension: 'page' },
      { id: 'entryPage', label: 'Entry pages', dimension: 'entryPage' },
      { id: 'exitPage', label: 'Exit pages', dimension: 'exitPage' },
    ],
  },
  {
    title: 'Sources',
    testId: 'panel-sources',
    tabs: [
      { id: 'referrer', label: 'Sources', dimension: 'referrer' },
      { id: 'utmSource', label: 'UTM source', dimension: 'utmSource' },
      { id: 'utmMedium', label: 'Medium', dimension: 'utmMedium' },
      { id: 'utmCampaign', label: 'Campaign', dimension: 'utmCampaign' },
      { id: 'utmTerm', label: 'Term', dimension: 'utmTerm' },
      { id: 'utmContent', label: 'Content', dimension: 'utmContent' },
    ],
  },
  {
    title: 'Devices',
    testId: 'panel-devices',
    tabs: [
      { id: 'browser', label: 'Browsers', dimension: 'browser' },
      { id: 'os', label: 'OS', dimension: 'os' },
      { id: 'device', label: 'Devices', dimension: 'device' },
      { id: 'screen', label: 'Screens', dimension: 'screen' },
      { id: 'language', label: 'Languages', dimension: 'language' },
    ],
  },
  {
    title: 'Events',
    testId: 'panel-events',
    tabs: [
      { id: 'eventName', label: 'Events', dimension: 'eventName', secondMetric: 'events' },
      { id: 'properties', label: 'Properties', render: (props) => <PropertyBreakdown {...props} /> },
    ],
  },
];

function Chart({ query }) {
  const [metric, setMetric] = useState('visitors');
  const options = allowedIntervals(query.range);
  const [interval, setChosenInterval] = useState(() => defaultInterval(query.range));
  const effective = options.includes(interval) ? interval : defaultInterval(query.range);

  useEffect(() => setChosenInterval(defaultInterval(query.range)), [query.range]);

  const overview = useApi((signal) => stats.overview(query, { signal }), [query]);
  const series = useApi((signal) => stats.timeseries(query, effective, { signal }), [query, effective]);

  return (
    <>
      <AsyncContent result={overview} loadingLabel="Loading totals…">
        {(data) => <KpiCards overview={data} selected={metric} onSelect={setMetric} />}
      </AsyncContent>
      <section className="card" aria-labelledby="chart-title">
        <header className="card-header">
          <h2 id="chart-title">Trend</h2>
          <label className="inline-label">
            Interval
            <select value={effective} onChange={(e) => setChosenInterval(e.target.value)} data-testid="interval-select">
              {options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        </header>
        <AsyncContent
          result={series}
          loadingLabel="Loading chart…"
          isEmpty={(data) => !data.points?.length}
          empty="No visits in this period yet."
        >
          {(data) => <TimeSeriesChart points={data.points} metric={metric} interval={effective} tz={query.tz} />}
        </AsyncContent>
      </section>
    </>
  );
}

export default function DashboardPage() {
  useDocumentTitle('Dashboard');
  const { range, tz, filters, query, setRange, addFilter, removeFilter, clearFilters } = useQueryState();

  return (
    <div className="page">
      <div className="page-header">
        <h1>Dashboard</h1>
        <RealtimeBadge query={query} />
      </div>
      <div className="toolbar">
        <DateRangePicker range={range} tz={tz} onChange={setRange} />
        <ExportButton query={query} />
      </div>
      <FilterChips filters={filters} onRemove={removeFilter} onClear={clearFilters} />
      <Chart query={query} />
      <div className="panels">
        {PANELS.map((panel) => (
          <BreakdownPanel key={panel.title} {...panel} query={query} onSelect={addFilter} />
        ))}
        <LocationsPanel query={query} onSelect={addFilter} />
      </div>
    </div>
  );
}
