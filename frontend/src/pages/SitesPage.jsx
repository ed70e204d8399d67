import { useState } from 'react';
import { sites as sitesApi, teams as teamsApi } from '../api/index.js';
import { CodeBlock } from '../components/CopyButton.jsx';
import { Field, FormAlert } from '../components/Field.jsx';
import { AsyncContent, ErrorMessage } from '../components/States.jsx';
import { useApi } from '../hooks/useApi.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { formatDateTime } from '../lib/format.js';
import { isAdminRole, useSite } from '../sites/SiteContext.jsx';
import { snippets } from './SetupPage.jsx';

function formValues(event) {
  return Object.fromEntries(new FormData(event.currentTarget).entries());
}

/** What a failed call says, per field, for a form. */
function useFailure() {
  const [failure, setFailure] = useState(null);
  const fields = failure?.fieldErrors?.() ?? {};
  const general = failure && Object.keys(fields).length === 0 ? failure.userMessage?.() ?? String(failure) : null;
  return { fields, general, setFailure };
}

function NewSite({ onCreated }) {
  const teams = useApi((signal) => teamsApi.list({ signal }), []);
  const [created, setCreated] = useState(null);
  const failure = useFailure();

  async function submit(event) {
    event.preventDefault();
    const { team, ...site } = formValues(event);
    try {
      const answer = await sitesApi.create(team, site);
      failure.setFailure(null);
      setCreated(answer);
      onCreated(answer);
    } catch (error) {
      failure.setFailure(error);
    }
  }

  const adminTeams = (teams.data?.teams ?? []).filter((team) => isAdminRole(team.role));
  return (
    <section className="card" aria-labelledby="new-site-title">
      <h2 id="new-site-title">Add a site</h2>
      <form onSubmit={submit} noValidate data-testid="new-site-form">
        <Field label="Name" name="name" required error={failure.fields.name} />
        <Field label="Domain (optional)" name="domain" placeholder="example.com" error={failure.fields.domain} />
        <Field label="Time zone" name="timezone" defaultValue="UTC" error={failure.fields.timezone} />
        {adminTeams.length > 1 && (
          <div className="field">
            <label htmlFor="new-site-team">Team</label>
            <select id="new-site-team" name="team">
              {adminTeams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <FormAlert>{failure.general}</FormAlert>
        <button type="submit" className="button" data-testid="new-site-submit">
          Add site
        </button>
      </form>
      {created && (
        <div className="created" data-testid="new-site-created">
          <p>
            <strong>{created.name}</strong> is ready; choose it in the site menu to see its dashboard. Its write key
            is shown only now:
          </p>
          <code data-testid="new-site-key">{created.writeKey?.secret}</code>
          <CodeBlock code={snippets(window.location.origin, created.writeKey?.secret).tracker}
            copyLabel="Copy snippet" testId="new-site-snippet" />
        </div>
      )}
    </section>
  );
}

function Settings({ site, onSaved }) {
  const failure = useFailure();
  const [saved, setSaved] = useState(false);
  async function submit(event) {
    event.preventDefault();
    try {
      await sitesApi.update(site.id, formValues(event));
      failure.setFailure(null);
      setSaved(true);
      onSaved();
    } catch (error) {
      failure.setFailure(error);
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="site-settings">
      <h2>Settings</h2>
      <Field label="Name" name="name" defaultValue={site.name} error={failure.fields.name} />
      <Field label="Domain" name="domain" defaultValue={site.domain} error={failure.fields.domain} />
      <Field label="Time zone" name="timezone" defaultValue={site.timezone} error={failure.fields.timezone} />
      <FormAlert>{failure.general}</FormAlert>
      <FormAlert tone="success">{saved ? 'Saved.' : null}</FormAlert>
      <button type="submit" className="button">
        Save
      </button>
    </form>
  );
}

function Keys({ site }) {
  const keys = useApi((signal) => sitesApi.keys(site.id, { signal }), [site.id]);
  const [secret, setSecret] = useState(null);
  const [error, setError] = useState(null);

  async function create(kind) {
    try {
      setSecret(await sitesApi.createKey(site.id, kind));
      keys.reload();
    } catch (failure) {
      setError(failure);
    }
  }
  async function remove(id) {
    await sitesApi.deleteKey(site.id, id).catch(setError);
    keys.reload();
  }

  return (
    <section className="card" data-testid="site-keys">
      <h2>API keys</h2>
      <p className="muted">
        Write keys (<code>tsk_</code>) send events; stats keys (<code>tsr_</code>) read this site&apos;s Analytics API
        with <code>Authorization: Bearer</code>. A key is shown once, when it is made.
      </p>
      <div className="actions">
        <button type="button" className="button button-small" onClick={() => create('write')}
          data-testid="create-write-key">
          New write key
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => create('stats')}
          data-testid="create-stats-key">
          New stats key
        </button>
      </div>
      {secret && (
        <p className="created">
          New {secret.kind} key, shown only now: <code data-testid="created-key">{secret.secret}</code>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <AsyncContent result={keys}>
        {(data) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Kind</th>
                <th scope="col">Last used</th>
                <th scope="col" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {data.keys.map((key) => (
                <tr key={key.id} data-testid="key-row">
                  <td><code>{key.prefix}…</code></td>
                  <td>{key.kind}</td>
                  <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'never'}</td>
                  <td>
                    <button type="button" className="button button-small button-secondary"
                      onClick={() => remove(key.id)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AsyncContent>
    </section>
  );
}

function Shares({ site }) {
  const shares = useApi((signal) => sitesApi.shares(site.id, { signal }), [site.id]);
  const [created, setCreated] = useState(null);
  const failure = useFailure();

  async function submit(event) {
    event.preventDefault();
    const { password, expiresAt } = formValues(event);
    const body = {};
    if (password) body.password = password;
    if (expiresAt) body.expiresAt = new Date(`${expiresAt}T23:59:59`).toISOString();
    try {
      setCreated(await sitesApi.createShare(site.id, body));
      failure.setFailure(null);
      shares.reload();
    } catch (error) {
      failure.setFailure(error);
    }
  }
  async function revoke(id) {
    await sitesApi.revokeShare(site.id, id).catch(failure.setFailure);
    shares.reload();
  }

  return (
    <section className="card" data-testid="site-shares">
      <h2>Shared dashboards</h2>
      <p className="muted">A link opens this site&apos;s dashboard read-only, for anyone who has it, until revoked.</p>
      <form onSubmit={submit} noValidate className="inline-form">
        <Field label="Password (optional)" name="password" type="password" autoComplete="new-password"
          error={failure.fields.password} />
        <Field label="Expires (optional)" name="expiresAt" type="date" error={failure.fields.expiresAt} />
        <FormAlert>{failure.general}</FormAlert>
        <button type="submit" className="button button-small" data-testid="create-share">
          Create link
        </button>
      </form>
      {created && (
        <p className="created">
          Link, shown only now:{' '}
          <code data-testid="share-link">{`${window.location.origin}${created.url}`}</code>
        </p>
      )}
      <AsyncContent result={shares} isEmpty={(data) => data.shares.length === 0} empty="No links yet.">
        {(data) => (
          <ul className="plain-list">
            {data.shares.map((share) => (
              <li key={share.id} data-testid="share-row">
                Created {formatDateTime(share.createdAt)}
                {share.expiresAt ? `, expires ${formatDateTime(share.expiresAt)}` : ''}
                {share.hasPassword ? ', with a password' : ''}{' '}
                <button type="button" className="button button-small button-secondary"
                  onClick={() => revoke(share.id)} data-testid="revoke-share">
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </AsyncContent>
    </section>
  );
}

function DeleteSite({ site, onDeleted }) {
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState(null);
  async function submit(event) {
    event.preventDefault();
    try {
      await sitesApi.remove(site.id, confirm);
      onDeleted();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="card card-danger" onSubmit={submit} data-testid="delete-site">
      <h2>Delete this site</h2>
      <p>
        Its keys and links stop working at once and all its data is deleted. Type <strong>{site.name}</strong> to
        confirm.
      </p>
      <Field label="Site name" name="confirm" value={confirm} onChange={(event) => setConfirm(event.target.value)} />
      {error && <ErrorMessage error={error} />}
      <button type="submit" className="button button-danger" disabled={confirm !== site.name}>
        Delete site and data
      </button>
    </form>
  );
}

export default function SitesPage() {
  useDocumentTitle('Sites');
  const { sites, site, canManage, select, reload } = useSite();

  return (
    <div className="page page-narrow">
      <h1>Sites</h1>
      <section className="card">
        <ul className="plain-list" data-testid="site-list">
          {sites.map((candidate) => (
            <li key={candidate.id}>
              <button type="button" className="link-button" onClick={() => select(candidate.id)}
                aria-current={candidate.id === site?.id ? 'true' : undefined}>
                {candidate.name}
              </button>{' '}
              <span className="muted">
                {candidate.domain || 'no domain'} · {candidate.role}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <NewSite onCreated={reload} />
      {site && !canManage && (
        <p className="muted" data-testid="viewer-notice">
          You can read {site.name}&apos;s stats. Its settings, keys and links are for its team&apos;s admins.
        </p>
      )}
      {site && canManage && (
        <div key={site.id}>
          <Settings site={site} onSaved={reload} />
          <Keys site={site} />
          <Shares site={site} />
          <DeleteSite site={site} onDeleted={reload} />
        </div>
      )}
    </div>
  );
}
