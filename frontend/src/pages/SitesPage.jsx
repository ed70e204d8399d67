import { useState } from 'react';
import { sites as sitesApi, teams as teamsApi } from '../api/index.js';
import { CodeBlock } from '../components/CopyButton.jsx';
import { Field, FormAlert, SelectField } from '../components/Field.jsx';
import { AsyncContent, ErrorMessage } from '../components/States.jsx';
import { formValues, useAction } from '../hooks/useAction.js';
import { useApi } from '../hooks/useApi.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { formatDateTime } from '../lib/format.js';
import { isAdminRole, useSite } from '../sites/SiteContext.jsx';
import { snippets } from './SetupPage.jsx';

function NewSite({ onCreated }) {
  const teams = useApi((signal) => teamsApi.list({ signal }), []);
  const [created, setCreated] = useState(null);
  const failure = useAction();

  function submit(event) {
    event.preventDefault();
    const { team, ...site } = formValues(event);
    failure.run(() => sitesApi.create(team, site), (answer) => {
      setCreated(answer);
      onCreated(answer);
    });
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
          <SelectField label="Team" name="team"
            options={adminTeams.map((team) => ({ value: team.id, label: team.name }))} />
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
  const failure = useAction();
  const [saved, setSaved] = useState(false);
  function submit(event) {
    event.preventDefault();
    failure.run(() => sitesApi.update(site.id, formValues(event)), () => {
      setSaved(true);
      onSaved();
    });
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
  const action = useAction();
  const create = (kind) => action.run(() => sitesApi.createKey(site.id, kind), (key) => {
    setSecret(key);
    keys.reload();
  });
  const remove = (id) => action.run(() => sitesApi.deleteKey(site.id, id), keys.reload);

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
      {action.failure && <ErrorMessage error={action.failure} />}
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
  const failure = useAction();

  function submit(event) {
    event.preventDefault();
    const { password, expiresAt } = formValues(event);
    const body = {};
    if (password) body.password = password;
    if (expiresAt) body.expiresAt = new Date(`${expiresAt}T23:59:59`).toISOString();
    failure.run(() => sitesApi.createShare(site.id, body), (share) => {
      setCreated(share);
      shares.reload();
    });
  }
  const revoke = (id) => failure.run(() => sitesApi.revokeShare(site.id, id), shares.reload);

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
  const action = useAction();
  function submit(event) {
    event.preventDefault();
    action.run(() => sitesApi.remove(site.id, confirm), onDeleted);
  }
  return (
    <form className="card card-danger" onSubmit={submit} data-testid="delete-site">
      <h2>Delete this site</h2>
      <p>
        Its keys and links stop working at once and all its data is deleted. Type <strong>{site.name}</strong> to
        confirm.
      </p>
      <Field label="Site name" name="confirm" value={confirm} onChange={(event) => setConfirm(event.target.value)} />
      {action.failure && <ErrorMessage error={action.failure} />}
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
