import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { json, problem } from '../test/api.js';
import { REFRESH_MARGIN_MS, createApiClient } from './client.js';
import { ApiError } from './problem.js';

function memoryStorage() {
  const items = new Map();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => items.set(key, value),
    removeItem: (key) => items.delete(key),
  };
}

/** A fetch that answers from a queue per path and records what it was asked. */
function scriptedFetch(script) {
  const calls = [];
  const fetch = vi.fn(async (url, init) => {
    const path = url.split('?')[0];
    calls.push({ url, path, init, body: init.body ? JSON.parse(init.body) : undefined });
    const queue = script[path];
    if (!queue?.length) throw new Error(`no scripted answer for ${path}`);
    return queue.shift()();
  });
  return { fetch, calls };
}

const tokens = (n, expiresIn = 900) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn });

describe('api client', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  test('sends the access token as a Bearer header and repeated query parameters', async () => {
    const { fetch, calls } = scriptedFetch({ '/api/stats/overview': [() => json(200, { visitors: 3 })] });
    const api = createApiClient({ fetch, storage: memoryStorage() });
    api.setSession(tokens(1));

    const result = await api.request('/api/stats/overview', {
      query: { from: '2026-01-01', filter: ['page:/a', 'browser:Firefox'], empty: '' },
    });

    expect(result).toEqual({ visitors: 3 });
    expect(calls[0].init.headers.Authorization).toBe('Bearer access-1');
    expect(calls[0].url).toBe('/api/stats/overview?from=2026-01-01&filter=page%3A%2Fa&filter=browser%3AFirefox');
  });

  test('turns problem+json into an ApiError with field errors', async () => {
    const { fetch } = scriptedFetch({
      '/api/auth/register': [
        () =>
          problem(400, {
            title: 'Validation failed',
            detail: 'The request has invalid fields.',
            errors: [{ field: 'password', message: 'must be at least 8 characters' }],
          }),
      ],
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });

    const error = await api.request('/api/auth/register', { method: 'POST', body: {}, auth: false }).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldErrors()).toEqual({ password: 'must be at least 8 characters' });
    expect(error.userMessage()).toBe('The request has invalid fields.');
  });

  test('reports Retry-After on 429', async () => {
    const { fetch } = scriptedFetch({
      '/api/auth/login': [() => problem(429, { title: 'Too Many Requests', detail: 'Too many login attempts.' }, { 'Retry-After': '30' })],
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });

    const error = await api.request('/api/auth/login', { method: 'POST', body: {}, auth: false }).catch((e) => e);

    expect(error.retryAfter).toBe(30);
    expect(error.userMessage()).toBe('Too many login attempts. Try again in 30 seconds.');
  });

  test('refreshes the access token about a minute before it expires', async () => {
    const { fetch, calls } = scriptedFetch({ '/api/auth/refresh': [() => json(200, tokens(2))] });
    const storage = memoryStorage();
    const api = createApiClient({ fetch, storage });
    api.setSession(tokens(1, 900));

    await vi.advanceTimersByTimeAsync(900_000 - REFRESH_MARGIN_MS - 1_000);
    expect(calls).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(JSON.parse(storage.getItem('ts.session')).refreshToken).toBe('refresh-2');
  });

  test('on a 401 refreshes once and retries the request with the new token', async () => {
    const { fetch, calls } = scriptedFetch({
      '/api/me': [() => problem(401, { title: 'Unauthorized' }), () => json(200, { id: 'u1' })],
      '/api/auth/refresh': [() => json(200, tokens(2))],
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });
    api.setSession(tokens(1));

    await expect(api.request('/api/me')).resolves.toEqual({ id: 'u1' });
    expect(calls.map((c) => c.path)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
    expect(calls[2].init.headers.Authorization).toBe('Bearer access-2');
  });

  test('concurrent 401s share one refresh, since each refresh token works only once', async () => {
    const { fetch, calls } = scriptedFetch({
      '/api/a': [() => problem(401, {}), () => json(200, 'a')],
      '/api/b': [() => problem(401, {}), () => json(200, 'b')],
      '/api/auth/refresh': [() => json(200, tokens(2))],
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });
    api.setSession(tokens(1));

    await expect(Promise.all([api.request('/api/a'), api.request('/api/b')])).resolves.toEqual(['a', 'b']);
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  test('ends the session and notifies listeners when the refresh token is rejected', async () => {
    const { fetch } = scriptedFetch({
      '/api/me': [() => problem(401, {})],
      '/api/auth/refresh': [() => problem(401, { detail: 'Refresh token expired' })],
    });
    const storage = memoryStorage();
    const api = createApiClient({ fetch, storage });
    const expired = vi.fn();
    api.onExpired(expired);
    api.setSession(tokens(1));

    await expect(api.request('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledTimes(1);
    expect(api.hasSession()).toBe(false);
    expect(storage.getItem('ts.session')).toBeNull();
  });

  test('does not retry twice when the fresh token is refused as well', async () => {
    const { fetch, calls } = scriptedFetch({
      '/api/me': [() => problem(401, {}), () => problem(401, {})],
      '/api/auth/refresh': [() => json(200, tokens(2))],
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });
    const expired = vi.fn();
    api.onExpired(expired);
    api.setSession(tokens(1));

    await expect(api.request('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(3);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  test('refreshes before a request when the stored token has already expired', async () => {
    const storage = memoryStorage();
    storage.setItem(
      'ts.session',
      JSON.stringify({ accessToken: 'stale', refreshToken: 'refresh-1', expiresAt: Date.now() - 1_000 }),
    );
    const { fetch, calls } = scriptedFetch({
      '/api/auth/refresh': [() => json(200, tokens(2))],
      '/api/me': [() => json(200, { id: 'u1' })],
    });
    const api = createApiClient({ fetch, storage });

    await api.request('/api/me');
    expect(calls.map((c) => c.path)).toEqual(['/api/auth/refresh', '/api/me']);
    expect(calls[1].init.headers.Authorization).toBe('Bearer access-2');
  });

  test('keeps the session after a network failure during refresh and tries again later', async () => {
    let attempt = 0;
    const fetch = vi.fn(async () => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch');
      return json(200, tokens(2));
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });
    api.setSession(tokens(1, 900));

    await vi.advanceTimersByTimeAsync(900_000 - REFRESH_MARGIN_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(api.hasSession()).toBe(true);

    await vi.advanceTimersByTimeAsync(15_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(api.refreshToken()).toBe('refresh-2');
  });

  test('reports an unreachable server as status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });

    const error = await api.request('/api/auth/login', { method: 'POST', body: {}, auth: false }).catch((e) => e);
    expect(error.status).toBe(0);
    expect(error.userMessage()).toMatch(/cannot reach the server/i);
  });

  test('downloads a file with the Bearer header and the server file name', async () => {
    const { fetch, calls } = scriptedFetch({
      '/api/export': [
        () =>
          new Response('page,visitors\n/,3\n', {
            status: 200,
            headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="pages.csv"' },
          }),
      ],
    });
    const api = createApiClient({ fetch, storage: memoryStorage() });
    api.setSession(tokens(1));

    const { blob, filename } = await api.download('/api/export', { query: { format: 'csv' }, filename: 'x.csv' });
    expect(filename).toBe('pages.csv');
    expect(await blob.text()).toBe('page,visitors\n/,3\n');
    expect(calls[0].init.headers.Authorization).toBe('Bearer access-1');
  });
});

describe('sessions shared between tabs', () => {
  test('adopts tokens another tab rotated, and ends when another tab signs out', () => {
    const storage = memoryStorage();
    const api = createApiClient({ fetch: vi.fn(), storage });
    const expired = vi.fn();
    api.onExpired(expired);
    api.setSession(tokens(1));

    storage.setItem('ts.session', JSON.stringify({ accessToken: 'access-9', refreshToken: 'refresh-9', expiresAt: Date.now() + 60_000 }));
    api.adoptStoredSession();
    expect(api.refreshToken()).toBe('refresh-9');
    expect(expired).not.toHaveBeenCalled();

    storage.removeItem('ts.session');
    api.adoptStoredSession();
    expect(api.hasSession()).toBe(false);
    expect(expired).toHaveBeenCalledTimes(1);
  });
});
