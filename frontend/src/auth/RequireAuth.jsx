import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { Loading } from '../components/States.jsx';
import { useAuth } from './AuthContext.jsx';
import { loginPathFor, safeNextPath } from './redirect.js';

/**
 * Private pages. A signed-out visitor goes to Login with the page in `?next=`; after an explicit
 * logout there is nothing to return to.
 */
export function RequireAuth({ children }) {
  const { status, endedBy } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading label="Signing you in…" />;
  if (status === 'anonymous') {
    if (endedBy === 'logout') return <Navigate to="/login" replace />;
    return (
      <Navigate
        to={loginPathFor(location.pathname + location.search)}
        state={endedBy === 'expired' ? { expired: true } : undefined}
        replace
      />
    );
  }
  return children;
}

/**
 * Login and Register are for signed-out users. Once signed in, the user goes on to the page they had
 * asked for (`?next=`), or to `redirectTo`.
 */
export function PublicOnly({ children, redirectTo = '/' }) {
  const { status } = useAuth();
  const [params] = useSearchParams();
  if (status === 'loading') return <Loading label="Loading…" />;
  if (status === 'authenticated') {
    const next = params.get('next');
    return <Navigate to={next ? safeNextPath(next) : redirectTo} replace />;
  }
  return children;
}
