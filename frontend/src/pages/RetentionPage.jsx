import { useState } from 'react';
import { stats } from '../api/index.js';
import { DateRangePicker } from '../components/DateRangePicker.jsx';
import { RetentionGrid } from '../components/RetentionGrid.jsx';
import { AsyncContent } from '../components/States.jsx';
import { useApi } from '../hooks/useApi.js';
import { useQueryState } from '../hooks/useQueryState.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

export default function RetentionPage() {
  useDocumentTitle('Retention');
  const { range, tz, query, setRange } = useQueryState();
  const [interval, setRetentionInterval] = useState('day');
  const result = useApi((signal) => stats.retention(query, interval, { signal }), [query, interval]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Retention</h1>
      </div>
      <div className="toolbar">
        <DateRangePicker range={range} tz={tz} onChange={setRange} />
        <label className="inline-label">
          Cohorts by
          <select value={interval} onChange={(e) => setRetentionInterval(e.target.value)}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </label>
      </div>
      <section className="card" aria-label="Retention cohorts">
        <AsyncContent
          result={result}
          loadingLabel="Loading cohorts…"
          isEmpty={(data) => !data.cohorts?.length}
          empty="No returning visitors to show for this period."
        >
          {(data) => <RetentionGrid cohorts={data.cohorts} interval={interval} />}
        </AsyncContent>
      </section>
    </div>
  );
}
