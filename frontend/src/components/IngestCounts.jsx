import { stats } from '../api/index.js';
import { useApi } from '../hooks/useApi.js';
import { ErrorMessage, Loading } from './States.jsx';

/** The reasons an event is not stored, as the tracking-service counts them, in words. */
export const DROP_REASONS = {
  duplicate: 'repeated an event id seen before',
  bot: 'came from a bot, crawler or monitor',
  too_old: 'were dated before the retention period',
  quota: 'passed the site’s storage bound of the day',
  malformed: 'were not readable events',
};

const number = new Intl.NumberFormat();

/** Accepted, stored and dropped events of the last 24 hours, so a site sees at once what did not count. */
export function IngestCounts() {
  const { data, error, loading, reload } = useApi((signal) => stats.ingest({ signal }), []);
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (data === undefined && loading) return <Loading label="Loading ingest counts…" compact />;
  const dropped = Object.entries(data.dropped).filter(([, count]) => count > 0);
  return (
    <section className="card" aria-labelledby="ingest-counts" data-testid="ingest-counts">
      <h2 id="ingest-counts">Events in the last 24 hours</h2>
      <dl className="ingest-counts">
        <div>
          <dt>Accepted</dt>
          <dd data-testid="ingest-accepted">{number.format(data.accepted)}</dd>
        </div>
        <div>
          <dt>Stored</dt>
          <dd data-testid="ingest-stored">{number.format(data.stored)}</dd>
        </div>
      </dl>
      {dropped.length === 0 ? (
        <p className="muted">No event was dropped.</p>
      ) : (
        <ul data-testid="ingest-dropped">
          {dropped.map(([reason, count]) => (
            <li key={reason} data-reason={reason}>
              {number.format(count)} dropped: {DROP_REASONS[reason] ?? reason}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-secondary" onClick={reload}>
        Refresh
      </button>
    </section>
  );
}
