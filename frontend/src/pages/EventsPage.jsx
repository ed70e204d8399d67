import { Fragment, useState } from 'react';
import { events } from '../api/index.js';
import { DateRangePicker } from '../components/DateRangePicker.jsx';
import { AsyncContent } from '../components/States.jsx';
import { useApi } from '../hooks/useApi.js';
import { useQueryState } from '../hooks/useQueryState.js';
import { formatDateTime } from '../lib/format.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

const PAGE_SIZES = [25, 50, 100];

function EventRow({ event }) {
  const [open, setOpen] = useState(false);
  const properties = Object.entries(event.properties ?? {});
  return (
    <Fragment>
      <tr data-testid="event-row">
        <td>
          <time dateTime={event.timestamp}>{formatDateTime(event.timestamp)}</time>
        </td>
        <td>
          <span className={event.eventName === 'pageview' ? 'badge' : 'badge badge-event'}>{event.eventName}</span>
        </td>
        <td className="truncate">{event.page}</td>
        <td className="hide-narrow truncate mono">{event.visitorId}</td>
        <td className="hide-narrow">{[event.browser, event.os, event.device].filter(Boolean).join(' · ')}</td>
        <td>
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="event-details">
          <td colSpan={6}>
            <dl className="details-grid">
              {[
                ['Visitor', event.visitorId],
                ['Session', event.sessionId],
                ['Referrer', event.referrer || '—'],
                ['Country', event.country || '—'],
                ...properties.map(([key, value]) => [`Property ${key}`, typeof value === 'object' ? JSON.stringify(value) : String(value)]),
              ].map(([term, value]) => (
                <div key={term}>
                  <dt>{term}</dt>
                  <dd className="mono">{value}</dd>
                </div>
              ))}
            </dl>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

export default function EventsPage() {
  useDocumentTitle('Events');
  const { range, tz, query, setRange } = useQueryState();
  const [draft, setDraft] = useState({ eventName: '', visitorId: '' });
  const [criteria, setCriteria] = useState({ eventName: '', visitorId: '', limit: 50 });
  // Cursors of the pages seen so far, so Previous can go back without the server keeping state.
  const [cursors, setCursors] = useState([null]);
  const cursor = cursors[cursors.length - 1];

  const result = useApi(
    (signal) => events.list(query, { ...criteria, cursor: cursor ?? undefined }, { signal }),
    [query, criteria, cursor],
  );

  function apply(event) {
    event.preventDefault();
    setCriteria((current) => ({ ...current, eventName: draft.eventName.trim(), visitorId: draft.visitorId.trim() }));
    setCursors([null]);
  }

  function changeRange(next) {
    setRange(next);
    setCursors([null]);
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Events</h1>
      </div>
      <div className="toolbar">
        <DateRangePicker range={range} tz={tz} onChange={changeRange} />
      </div>
      <form className="card filters-form" onSubmit={apply} aria-label="Event filters">
        <label>
          Event name
          <input value={draft.eventName} onChange={(e) => setDraft({ ...draft, eventName: e.target.value })} placeholder="pageview" />
        </label>
        <label>
          Visitor ID
          <input value={draft.visitorId} onChange={(e) => setDraft({ ...draft, visitorId: e.target.value })} />
        </label>
        <label>
          Per page
          <select
            value={criteria.limit}
            onChange={(e) => {
              setCriteria({ ...criteria, limit: Number(e.target.value) });
              setCursors([null]);
            }}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Apply
        </button>
      </form>
      <section className="card" aria-label="Events">
        <AsyncContent
          result={result}
          loadingLabel="Loading events…"
          isEmpty={(data) => !data.events?.length}
          empty="No events match these filters."
        >
          {(data) => (
            <>
              <div className="table-scroll">
                <table className="table" data-testid="events-table">
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Event</th>
                      <th scope="col">Page</th>
                      <th scope="col" className="hide-narrow">
                        Visitor
                      </th>
                      <th scope="col" className="hide-narrow">
                        Client
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">Details</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.events.map((event) => (
                      <EventRow key={event.id} event={event} />
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Pages of events">
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={cursors.length === 1}
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  Previous
                </button>
                <span className="muted">Page {cursors.length}</span>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={!data.nextCursor}
                  onClick={() => setCursors((c) => [...c, data.nextCursor])}
                  data-testid="events-next"
                >
                  Next
                </button>
              </nav>
            </>
          )}
        </AsyncContent>
      </section>
    </div>
  );
}
