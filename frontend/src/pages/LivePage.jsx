import { useCallback, useState } from 'react';
import { Empty } from '../components/States.jsx';
import { useLiveEvents } from '../hooks/useLiveEvents.js';
import { formatTime } from '../lib/format.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

const MAX_EVENTS = 200;

const STATUS_TEXT = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  unsupported: 'This browser cannot receive live events.',
};

export default function LivePage() {
  useDocumentTitle('Live');
  const [feed, setFeed] = useState([]);
  const [paused, setPaused] = useState(false);
  const onEvent = useCallback(
    (event) => setFeed((current) => [event, ...current].slice(0, MAX_EVENTS)),
    [],
  );
  const status = useLiveEvents(onEvent, { enabled: !paused });

  return (
    <div className="page">
      <div className="page-header">
        <h1>Live</h1>
        <span className={`connection connection-${paused ? 'paused' : status}`} role="status" data-testid="live-status">
          {paused ? 'Paused' : STATUS_TEXT[status]}
        </span>
        <div className="page-actions">
          <button type="button" className="button button-small button-secondary" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
            {paused ? 'Resume' : 'Pause'}
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => setFeed([])} disabled={feed.length === 0}>
            Clear
          </button>
        </div>
      </div>
      <section className="card" aria-label="Incoming events">
        {feed.length === 0 ? (
          <Empty>Waiting for events… They appear here the moment they are stored.</Empty>
        ) : (
          <ol className="feed" aria-live="polite" data-testid="live-feed">
            {feed.map((event, index) => (
              <li key={event.id ?? `${event.timestamp}-${index}`} className="feed-item" data-testid="live-event">
                <time dateTime={event.timestamp} className="muted">
                  {formatTime(event.timestamp)}
                </time>
                <span className={event.eventName === 'pageview' ? 'badge' : 'badge badge-event'}>{event.eventName}</span>
                <span className="feed-page">{event.page}</span>
                <span className="muted hide-narrow">
                  {[event.browser, event.os, event.country].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
