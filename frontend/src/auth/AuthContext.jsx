import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { auth, client, me } from '../api/index.js';
import { loginPathFor } from './redirect.js';

const AuthContext = createContext(null);

/**
 * Holds the signed-in user. On start it restores the stored session; whenever the session cannot be
 * renewed it sends the user to Login, remembering the page they were on.
 */
export function AuthProvider({ children }) {
  const navigate = useNavigate();
  const location = useLocation();
  const locationRef = useRef(location);
  locationRef.current = location;
  const [state, setState] = useState(() => ({
    status: client.hasSession() ? 'loading' : 'anonymous',
    user: null,
  }));

  useEffect(() => {
    if (!client.hasSession()) return undefined;
    const controller = new AbortController();
    me.get({ signal: controller.signal })
      .then((user) => setState({ status: 'authenticated', user }))
      .catch((error) => {
        if (error?.name === 'AbortError') return;
        setState({ status: 'anonymous', user: null });
      });
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      client.onExpired(() => {
        setState({ status: 'anonymous', user: null });
        const { pathname, search } = locationRef.current;
        navigate(loginPathFor(pathname + search), { replace: true, state: { expired: true } });
      }),
    [navigate],
  );

  const login = useCallback(async (credentials) => {
    const user = await auth.login(credentials);
    setState({ status: 'authenticated', user });
    return user;
  }, []);

  const register = useCallback(async (details) => {
    const user = await auth.register(details);
    setState({ status: 'authenticated', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } catch {
      // The local session is gone either way; a failed server call only leaves a token to expire.
    }
    setState({ status: 'anonymous', user: null });
    navigate('/login', { replace: true });
  }, [navigate]);

  const updateUser = useCallback((changes) => {
    setState((current) => ({ ...current, user: { ...current.user, ...changes } }));
  }, []);

  const value = useMemo(
    () => ({ ...state, login, register, logout, updateUser }),
    [state, login, register, logout, updateUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth() {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}
