import { formatNumber } from '../lib/format.js';

/** Share of a cohort that came back, as a whole percentage, or null when the cohort is empty. */
export function retentionPercent(returning, size) {
  if (!size) return null;
  return Math.round((returning / size) * 100);
}

export function RetentionGrid({ cohorts, interval }) {
  const columns = Math.max(...cohorts.map((c) => c.returning?.length ?? 0));
  const unit = interval === 'week' ? 'Week' : 'Day';
  return (
    <div className="table-scroll">
      <table className="table retention" data-testid="retention-grid">
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col" className="num">
              Visitors
            </th>
            {Array.from({ length: columns }, (_, i) => (
              <th scope="col" key={i} className="num">
                {unit} {i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.period}>
              <th scope="row">{cohort.period}</th>
              <td className="num">{formatNumber(cohort.size)}</td>
              {Array.from({ length: columns }, (_, i) => {
                const count = cohort.returning?.[i];
                if (count == null) return <td key={i} className="retention-cell retention-future" aria-label="not yet" />;
                const percent = retentionPercent(count, cohort.size);
                return (
                  <td
                    key={i}
                    className={percent > 55 ? 'retention-cell retention-strong num' : 'retention-cell num'}
                    style={{ '--share': (percent ?? 0) / 100 }}
                    title={`${formatNumber(count)} of ${formatNumber(cohort.size)} visitors`}
                  >
                    {percent == null ? '—' : `${percent}%`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
