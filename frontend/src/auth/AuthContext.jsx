import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { auth, client, me } from '../api/index.js';

const AuthContext = createContext(null);

/**
 * Holds the signed-in user. On start it restores the stored session. When the session ends, `endedBy`
 * says why ('expired' or 'logout'), so the route guard can send the user to Login the right way.
 */
export function AuthProvider({ children }) {
  const [state, setState] = useState(() => ({
    status: client.hasSession() ? 'loading' : 'anonymous',
    user: null,
    endedBy: null,
  }));

  useEffect(() => {
    if (!client.hasSession()) return undefined;
    const controller = new AbortController();
    me.get({ signal: controller.signal })
      .then((user) => setState({ status: 'authenticated', user, endedBy: null }))
      .catch((error) => {
        if (error?.name === 'AbortError') return;
        setState((current) => ({ status: 'anonymous', user: null, endedBy: current.endedBy }));
      });
    return () => controller.abort();
  }, []);

  useEffect(() => client.onExpired(() => setState({ status: 'anonymous', user: null, endedBy: 'expired' })), []);

  const login = useCallback(async (credentials) => {
    const user = await auth.login(credentials);
    setState({ status: 'authenticated', user, endedBy: null });
    return user;
  }, []);

  const register = useCallback(async (details) => {
    const user = await auth.register(details);
    setState({ status: 'authenticated', user, endedBy: null });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } catch {
      // The local session is gone either way; a failed server call only leaves a token to expire.
    }
    setState({ status: 'anonymous', user: null, endedBy: 'logout' });
  }, []);

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
