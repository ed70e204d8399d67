import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { teams } from '../api/index.js';
import { useAuth } from '../auth/AuthContext.jsx';
import { ErrorMessage } from '../components/States.jsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { useSite } from '../sites/SiteContext.jsx';

/** Joins the team of an invitation, as the signed-in user, whose email must be the invited one. */
export default function InvitePage() {
  useDocumentTitle('Invitation');
  const { token } = useParams();
  const { user } = useAuth();
  const { reload } = useSite();
  const navigate = useNavigate();
  const [error, setError] = useState(null);

  async function accept() {
    try {
      await teams.accept(token);
      await reload();
      navigate('/');
    } catch (failure) {
      setError(failure);
    }
  }

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
        {error && <ErrorMessage error={error} />}
      </section>
    </div>
  );
}
