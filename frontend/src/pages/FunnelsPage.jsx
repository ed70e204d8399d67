import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { stats } from '../api/index.js';
import { DateRangePicker } from '../components/DateRangePicker.jsx';
import { FunnelBuilder } from '../components/FunnelBuilder.jsx';
import { AsyncContent, Empty } from '../components/States.jsx';
import { useApi } from '../hooks/useApi.js';
import { useQueryState } from '../hooks/useQueryState.js';
import { stepLabel } from '../lib/funnel.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

function FunnelResult({ query, funnel }) {
  const result = useApi((signal) => stats.funnel(query, funnel.steps, funnel.window, { signal }), [query, funnel]);
  return (
    <AsyncContent
      result={result}
      loadingLabel="Computing funnel…"
      isEmpty={(data) => !data.steps?.length || data.steps[0].visitors === 0}
      empty="Nobody entered this funnel in the selected period."
    >
      {(data) => {
        const rows = data.steps.map((step, index) => ({ ...step, label: `${index + 1}. ${stepLabel(step.step)}` }));
        return (
          <>
            <figure className="chart" data-testid="funnel-chart">
              <figcaption className="visually-hidden">Visitors reaching each step</figcaption>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke="var(--border)" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
                  <YAxis allowDecimals={false} tickFormatter={formatNumber} width={44} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(value) => [formatNumber(value), 'Visitors']} />
                  <Bar dataKey="visitors" fill="var(--accent)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <div className="table-scroll">
              <table className="table" data-testid="funnel-table">
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col" className="num">
                      Visitors
                    </th>
                    <th scope="col" className="num">
                      From start
                    </th>
                    <th scope="col" className="num hide-narrow">
                      From previous
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.label}>
                      <td>{row.label}</td>
                      <td className="num">{formatNumber(row.visitors)}</td>
                      <td className="num">{formatPercent(row.conversionFromStart)}</td>
                      <td className="num hide-narrow">{formatPercent(row.conversionFromPrevious)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </AsyncContent>
  );
}

export default function FunnelsPage() {
  useDocumentTitle('Funnels');
  const { range, tz, query, setRange } = useQueryState();
  const [funnel, setFunnel] = useState(null);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Funnels</h1>
      </div>
      <div className="toolbar">
        <DateRangePicker range={range} tz={tz} onChange={setRange} />
      </div>
      <FunnelBuilder onRun={setFunnel} />
      <section className="card" aria-label="Funnel conversion">
        {funnel ? <FunnelResult query={query} funnel={funnel} /> : <Empty>Describe the steps above, then show the funnel.</Empty>}
      </section>
    </div>
  );
}
