import { useEffect, useState } from 'react';
import { teams as teamsApi } from '../api/index.js';
import { Field, FormAlert, SelectField } from '../components/Field.jsx';
import { AsyncContent, ErrorMessage } from '../components/States.jsx';
import { formValues, useAction } from '../hooks/useAction.js';
import { useApi } from '../hooks/useApi.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { formatDateTime } from '../lib/format.js';
import { isAdminRole, useSite } from '../sites/SiteContext.jsx';

const ROLES = ['viewer', 'admin', 'owner'];
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: role }));

function Members({ team, generation }) {
  const members = useApi((signal) => teamsApi.members(team.id, { signal }), [team.id, generation]);
  const action = useAction();
  const act = (call) => action.run(call).then(members.reload);
  return (
    <section className="card" data-testid="team-members">
      <h2>Members</h2>
      {action.failure && <ErrorMessage error={action.failure} />}
      <AsyncContent result={members}>
        {(data) => (
          <table className="list">
            <tbody>
              {data.members.map((member) => (
                <tr key={member.userId} data-testid="member-row">
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    <select aria-label={`Role of ${member.email}`} value={member.role}
                      onChange={(event) => act(() => teamsApi.setRole(team.id, member.userId, event.target.value))}>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="button button-small button-secondary"
                      onClick={() => act(() => teamsApi.removeMember(team.id, member.userId))}>
                      Remove
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

function Invitations({ team, onChange }) {
  const pending = useApi((signal) => teamsApi.invitations(team.id, { signal }), [team.id]);
  const [created, setCreated] = useState(null);
  const failure = useAction();

  function submit(event) {
    event.preventDefault();
    const { email, role } = formValues(event);
    failure.run(() => teamsApi.invite(team.id, email, role), (invitation) => {
      setCreated(invitation);
      pending.reload();
      onChange();
    });
  }
  const withdraw = (id) => failure.run(() => teamsApi.withdraw(team.id, id), pending.reload);
  return (
    <section className="card" data-testid="team-invitations">
      <h2>Invite someone</h2>
      <form onSubmit={submit} noValidate data-testid="invite-form">
        <Field label="Email" name="email" type="email" error={failure.fields.email} />
        <SelectField label="Role" name="role" defaultValue="viewer" options={ROLE_OPTIONS} />
        <FormAlert>{failure.general}</FormAlert>
        <button type="submit" className="button" data-testid="invite-submit">
          Create invitation
        </button>
      </form>
      {created && (
        <p className="created">
          Send this link to {created.email}; it is shown only now and works once, until{' '}
          {formatDateTime(created.expiresAt)}:{' '}
          <code data-testid="invitation-link">{`${window.location.origin}${created.url}`}</code>
        </p>
      )}
      <AsyncContent result={pending} isEmpty={(data) => data.invitations.length === 0} empty="No pending invitations.">
        {(data) => (
          <ul className="plain-list">
            {data.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} as {invitation.role}, until {formatDateTime(invitation.expiresAt)}{' '}
                <button type="button" className="button button-small button-secondary"
                  onClick={() => withdraw(invitation.id)}>
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        )}
      </AsyncContent>
    </section>
  );
}

function NewTeam({ onCreated }) {
  const failure = useAction();
  function submit(event) {
    event.preventDefault();
    failure.run(() => teamsApi.create(formValues(event).name), onCreated);
  }
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>New team</h2>
      <Field label="Team name" name="name" error={failure.fields.name} />
      <button type="submit" className="button button-secondary">
        Create team
      </button>
    </form>
  );
}

export default function TeamPage() {
  useDocumentTitle('Team');
  const { site, reload: reloadSites } = useSite();
  const teams = useApi((signal) => teamsApi.list({ signal }), []);
  const [teamId, setTeamId] = useState(null);
  const [generation, setGeneration] = useState(0);
  const all = teams.data?.teams ?? [];
  const team = all.find((candidate) => candidate.id === teamId) ?? all.find((candidate) => candidate.id === site?.teamId)
    ?? all[0];

  useEffect(() => {
    if (team && team.id !== teamId) setTeamId(team.id);
  }, [team, teamId]);

  return (
    <div className="page page-narrow">
      <h1>Team</h1>
      <AsyncContent result={teams}>
        {() => (
          <>
            {all.length > 1 && (
              <SelectField label="Team" value={team?.id ?? ''} onChange={(event) => setTeamId(event.target.value)}
                data-testid="team-switcher"
                options={all.map((candidate) => ({ value: candidate.id, label: candidate.name }))} />
            )}
            {team && (
              <p data-testid="team-role">
                <strong>{team.name}</strong>: you are {team.role === 'viewer' ? 'a' : 'an'} {team.role}.
              </p>
            )}
            {team && isAdminRole(team.role) && (
              <div key={team.id}>
                <Members team={team} generation={generation} />
                <Invitations team={team} onChange={() => setGeneration((g) => g + 1)} />
              </div>
            )}
          </>
        )}
      </AsyncContent>
      <NewTeam onCreated={(created) => {
        teams.reload();
        setTeamId(created.id);
        reloadSites();
      }} />
    </div>
  );
}
