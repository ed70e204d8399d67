import { useNavigate, useParams } from 'react-router-dom';
import { teams } from '../api/index.js';
import { useAuth } from '../auth/AuthContext.jsx';
import { ErrorMessage } from '../components/States.jsx';
import { useAction } from '../hooks/useAction.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { useSite } from '../sites/SiteContext.jsx';

/** Joins the team of an invitation, as the signed-in user, whose email must be the invited one. */
export default function InvitePage() {
  useDocumentTitle('Invitation');
  const { token } = useParams();
  const { user } = useAuth();
  const { reload } = useSite();
  const navigate = useNavigate();
  const action = useAction();
  const accept = () => action.run(async () => {
    await teams.accept(token);
    await reload();
  }, () => navigate('/'));

  return (
    <div className="page page-narrow">
      <h1>Join a team</h1>
      <section className="card">
        <p>
          You were invited to a team. You are signed in as <strong>{user.email}</strong>; the invitation must be for
          this address.
        </p>
        <button type="button" className="button" onClick={accept} data-testid="accept-invitation">
          Accept invitation
        </button>
        {action.failure && <ErrorMessage error={action.failure} />}
      </section>
    </div>
  );
}
