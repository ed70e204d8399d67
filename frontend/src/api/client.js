import { ApiError, problemFromResponse } from './problem.js';

const STORAGE_KEY = 'ts.session';
/** Refresh this long before the access token runs out. */
export const REFRESH_MARGIN_MS = 60_000;
const RETRY_REFRESH_MS = 15_000;

function buildUrl(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value == null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function filenameFrom(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * A small HTTP client for the API: adds the Bearer token, keeps the session fresh (a timer refreshes
 * the access token shortly before it expires, and a 401 triggers one refresh and one retry), and turns
 * problem+json answers into ApiError. When the session cannot be renewed, `onExpired` listeners run.
 */
export function createApiClient({
  fetch: fetchImpl = (...args) => globalThis.fetch(...args),
  storage = globalThis.localStorage,
  now = () => Date.now(),
  setTimer = (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimer = (id) => globalThis.clearTimeout(id),
} = {}) {
  let session = load();
  let refreshTimer = null;
  let refreshing = null;
  const expiredListeners = new Set();
  const sessionListeners = new Set();

  function load() {
    try {
      const stored = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
      return stored?.accessToken && stored?.refreshToken ? stored : null;
    } catch {
      return null;
    }
  }

  function save() {
    if (!storage) return;
    if (session) storage.setItem(STORAGE_KEY, JSON.stringify(session));
    else storage.removeItem(STORAGE_KEY);
  }

  function schedule(delay) {
    if (refreshTimer != null) clearTimer(refreshTimer);
    refreshTimer = null;
    if (!session) return;
    const msLeft = session.expiresAt - now();
    // Short-lived tokens get refreshed halfway through instead of after their end.
    const due = delay ?? Math.max(0, Math.max(msLeft - REFRESH_MARGIN_MS, msLeft / 2));
    refreshTimer = setTimer(() => {
      refreshTimer = null;
      refresh().catch(() => {});
    }, due);
  }

  function notifySession() {
    for (const listener of sessionListeners) listener(session);
  }

  function setSession({ accessToken, refreshToken, expiresIn }) {
    session = { accessToken, refreshToken, expiresAt: now() + Number(expiresIn) * 1000 };
    save();
    schedule();
    notifySession();
  }

  function clearSession() {
    session = null;
    save();
    schedule();
    notifySession();
  }

  function expire() {
    const hadSession = session != null;
    clearSession();
    if (hadSession) for (const listener of expiredListeners) listener();
  }

  async function send(path, { method = 'GET', query, body, token, signal }) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await fetchImpl(buildUrl(path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      throw new ApiError({ status: 0 });
    }
  }

  /** Renews the tokens once, even when several callers ask at the same time. */
  function refresh() {
    if (refreshing) return refreshing;
    const current = session;
    if (!current) return Promise.reject(new ApiError({ status: 401, title: 'Not signed in' }));
    refreshing = (async () => {
      const response = await send('/api/auth/refresh', {
        method: 'POST',
        body: { refreshToken: current.refreshToken },
      });
      if (response.ok) {
        setSession(await response.json());
        return session.accessToken;
      }
      const problem = await problemFromResponse(response);
      if (problem.status === 400 || problem.status === 401 || problem.status === 403) expire();
      else schedule(RETRY_REFRESH_MS);
      throw problem;
    })()
      .catch((error) => {
        if (error instanceof ApiError && error.status === 0 && session) schedule(RETRY_REFRESH_MS);
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  /** A usable access token, refreshed first when it is about to run out. */
  async function accessToken() {
    if (!session) return null;
    if (session.expiresAt - now() <= 5_000) return refresh();
    return session.accessToken;
  }

  async function fetchAuthorized(path, options) {
    const { auth = true } = options;
    const token = auth ? await accessToken() : null;
    let response = await send(path, { ...options, token });
    if (response.status === 401 && auth && session) {
      const renewed = await refresh();
      response = await send(path, { ...options, token: renewed });
      if (response.status === 401) expire();
    }
    if (!response.ok) throw await problemFromResponse(response);
    return response;
  }

  async function request(path, options = {}) {
    const response = await fetchAuthorized(path, options);
    if (response.status === 204) return null;
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  /** Fetches a file with the Bearer header, since a plain link could not send it. */
  async function download(path, options = {}) {
    const response = await fetchAuthorized(path, options);
    return { blob: await response.blob(), filename: filenameFrom(response, options.filename ?? 'download') };
  }

  // Another tab may rotate the tokens (follow it rather than reuse a spent refresh token) or sign out.
  function adoptStoredSession() {
    const hadSession = session != null;
    session = load();
    schedule();
    notifySession();
    if (hadSession && !session) for (const listener of expiredListeners) listener();
  }

  if (session) schedule();

  return {
    request,
    download,
    refresh,
    accessToken,
    setSession,
    clearSession,
    adoptStoredSession,
    hasSession: () => session != null,
    refreshToken: () => session?.refreshToken ?? null,
    onExpired(listener) {
      expiredListeners.add(listener);
      return () => expiredListeners.delete(listener);
    },
    onSessionChange(listener) {
      sessionListeners.add(listener);
      return () => sessionListeners.delete(listener);
    },
    storageKey: STORAGE_KEY,
  };
}
