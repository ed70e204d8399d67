import { useState } from 'react';
import { Link } from 'react-router-dom';
import { sites } from '../api/index.js';
import { useAuth } from '../auth/AuthContext.jsx';
import { ErrorMessage } from '../components/States.jsx';
import { useSite } from '../sites/SiteContext.jsx';
import { CodeBlock } from '../components/CopyButton.jsx';
import { SegmentSnippet } from '../components/SegmentSnippet.jsx';
import { IngestCounts } from '../components/IngestCounts.jsx';
import { useAction } from '../hooks/useAction.js';
import { useLiveEvents } from '../hooks/useLiveEvents.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

export function snippets(origin, apiKey) {
  return {
    tracker: `<script defer src="${origin}/t.js" data-api-key="${apiKey}"></script>`,
    curl: [
      `curl -X POST ${origin}/api/events \\`,
      `  -H 'X-API-Key: ${apiKey}' \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -d '{"eventName":"signup","page":"https://example.com/pricing"}'`,
    ].join('\n'),
    segment: [
      `import { Analytics } from '@segment/analytics-node';`,
      ``,
      `const analytics = new Analytics({ writeKey: '${apiKey}', host: '${origin}' });`,
      `analytics.track({ userId: 'user-42', event: 'signup', properties: { plan: 'pro' } });`,
    ].join('\n'),
  };
}

function FirstEventCheck() {
  const [event, setEvent] = useState(null);
  const status = useLiveEvents((incoming) => setEvent((current) => current ?? incoming), { enabled: event === null });

  if (event) {
    return (
      <div className="check check-ok" role="status" data-testid="setup-check" data-state="received">
        <span className="check-dot" aria-hidden="true" />
        <div>
          <strong>Your first event arrived.</strong>{' '}
          <span>
            {event.eventName ?? 'event'}
            {event.page ? ` on ${event.page}` : ''}. <Link to="/">Open the dashboard</Link>
          </span>
        </div>
      </div>
    );
  }
  return (
    <div className="check check-waiting" role="status" data-testid="setup-check" data-state="waiting">
      <span className="check-dot" aria-hidden="true" />
      <div>
        <strong>Waiting for your first event…</strong>{' '}
        <span className="muted">
          {status === 'reconnecting' ? 'Reconnecting to the live stream.' : 'Load a page with the snippet, or send an event with curl.'}
        </span>
      </div>
    </div>
  );
}

/** Keys are shown once; without one at hand, an admin makes a new write key for the site here. */
function NewWriteKey({ site, onCreated }) {
  const action = useAction();
  const create = () => action.run(() => sites.createKey(site.id, 'write'), (key) => onCreated(key.secret));
  return (
    <section className="card">
      <p>
        Write keys are shown only once, when they are made. Make a new one for <strong>{site.name}</strong> to get
        its snippet; the site&apos;s other keys keep working.
      </p>
      <button type="button" className="button" onClick={create} data-testid="setup-new-key">
        Make a write key
      </button>
      {action.failure && <ErrorMessage error={action.failure} />}
    </section>
  );
}

export default function SetupPage() {
  useDocumentTitle('Setup');
  const { user } = useAuth();
  const { site } = useSite();
  const [created, setCreated] = useState(null);
  const origin = window.location.origin;
  const registered = user.apiKey && (!site || !user.apiKeySite || user.apiKeySite === site.id) ? user.apiKey : null;
  const apiKey = created ?? registered;
  if (!apiKey && site) {
    return (
      <div className="page page-narrow">
        <h1>Set up tracking</h1>
        <NewWriteKey site={site} onCreated={setCreated} />
        <IngestCounts />
      </div>
    );
  }
  const code = snippets(origin, apiKey);

  return (
    <div className="page page-narrow">
      <h1>Set up tracking</h1>
      <FirstEventCheck />
      <IngestCounts />

      <section className="card" aria-labelledby="setup-snippet">
        <h2 id="setup-snippet">1. Add the tracker to your site</h2>
        <p>
          Paste this into the <code>&lt;head&gt;</code> of every page you want to measure. Page views are recorded
          automatically.
        </p>
        <CodeBlock code={code.tracker} copyLabel="Copy snippet" testId="tracker-snippet" />
      </section>

      <section className="card" aria-labelledby="setup-api">
        <h2 id="setup-api">2. Or send events from your server</h2>
        <p>
          Post events to <code>/api/events</code> with your API key in the <code>X-API-Key</code> header.
        </p>
        <CodeBlock code={code.curl} copyLabel="Copy curl command" testId="curl-example" />
      </section>

      <section className="card" aria-labelledby="setup-segment">
        <h2 id="setup-segment">3. Already using Segment?</h2>
        <p>
          Point any Segment library at <code>{origin}/v1/</code> and use your API key as the write key. With{' '}
          <code>@segment/analytics-node</code>:
        </p>
        <CodeBlock code={code.segment} copyLabel="Copy Segment example" testId="segment-example" />
        <SegmentSnippet origin={origin} writeKey={apiKey} />
      </section>

      <p className="muted">
        Your API key is <code data-testid="setup-api-key">{apiKey}</code>. It is shown only now: keep it in the
        snippet. Manage keys on the <Link to="/sites">sites page</Link>.
      </p>
    </div>
  );
}
