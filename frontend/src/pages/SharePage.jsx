import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { shareApi } from '../api/share.js';
import { BreakdownTable } from '../components/BreakdownTable.jsx';
import { Field } from '../components/Field.jsx';
import { KpiCards } from '../components/KpiCards.jsx';
import { AsyncContent, ErrorMessage, Loading } from '../components/States.jsx';
import { useApi } from '../hooks/useApi.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { countryName } from '../lib/countries.js';
import { resolveRange } from '../lib/dateRange.js';

const PASSWORD_KEY = 'ts.share-password:';
const PANELS = [
  { dimension: 'page', title: 'Top pages' },
  { dimension: 'referrer', title: 'Sources' },
  { dimension: 'browser', title: 'Browsers' },
  { dimension: 'country', title: 'Countries', formatValue: countryName },
];

function SharedFigures({ api, site }) {
  const query = useMemo(() => ({ range: resolveRange({ preset: '7d' }, { tz: site.timezone }), tz: site.timezone,
    filters: [] }), [site.timezone]);
  const overview = useApi(() => api.overview(query), [api, query]);
  return (
    <>
      <p className="muted">The last 7 days, read-only.</p>
      <AsyncContent result={overview}>{(data) => <KpiCards overview={data} />}</AsyncContent>
      <div className="panels">
        {PANELS.map((panel) => (
          <SharedBreakdown key={panel.dimension} api={api} query={query} {...panel} />
        ))}
      </div>
    </>
  );
}

function SharedBreakdown({ api, query, dimension, title, formatValue }) {
  const result = useApi(() => api.breakdown(query, dimension, 10), [api, query, dimension]);
  return (
    <section className="card panel">
      <h2>{title}</h2>
      <AsyncContent result={result} isEmpty={(data) => data.rows.length === 0}>
        {(data) => <BreakdownTable dimension={dimension} rows={data.rows} onSelect={() => {}} formatValue={formatValue} />}
      </AsyncContent>
    </section>
  );
}

/** A shared dashboard at `/share/{token}`: one site's figures for anyone with the link, and nothing else. */
export default function SharePage() {
  const { token } = useParams();
  const [password, setPassword] = useState(() => sessionStorage.getItem(PASSWORD_KEY + token) ?? '');
  const [typed, setTyped] = useState('');
  const api = useMemo(() => shareApi(token, password), [token, password]);
  const site = useApi(() => api.site(), [api]);
  useDocumentTitle(site.data ? `${site.data.name} (shared)` : 'Shared dashboard');

  useEffect(() => {
    if (site.data && password) sessionStorage.setItem(PASSWORD_KEY + token, password);
  }, [site.data, password, token]);

  function unlock(event) {
    event.preventDefault();
    setPassword(typed);
  }

  let content;
  if (site.error?.passwordRequired) {
    content = (
      <form className="card page-narrow" onSubmit={unlock} data-testid="share-password-form">
        <p>This dashboard is protected by a password.</p>
        <Field label="Password" name="password" type="password" value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={password ? site.error.userMessage() : undefined} />
        <button type="submit" className="button">
          Open
        </button>
      </form>
    );
  } else if (site.error) {
    content = (
      <div data-testid="share-refused">
        <ErrorMessage error={site.error} />
      </div>
    );
  } else if (!site.data) {
    content = <Loading />;
  } else {
    content = <SharedFigures api={api} site={site.data} />;
  }

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {site.data ? site.data.name : 'Shared dashboard'}
        </span>
      </header>
      <main id="main" className="page" data-testid="shared-dashboard">
        {content}
      </main>
    </div>
  );
}
