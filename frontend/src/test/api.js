import { vi } from 'vitest';
import { client } from '../api/index.js';

export function json(status, body, headers = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(status, fields, headers = {}) {
  return new Response(JSON.stringify({ type: 'about:blank', status, ...fields }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/**
 * Replaces fetch with a router over `handlers` keyed by "METHOD /path". Every request is recorded with
 * its parsed URL, headers and JSON body; an unmatched request fails the test loudly.
 */
export function mockApi(handlers) {
  const requests = [];
  const fetch = vi.fn(async (input, init = {}) => {
    const url = new URL(input, 'http://localhost');
    const method = init.method ?? 'GET';
    const request = {
      method,
      path: url.pathname,
      params: url.searchParams,
      headers: init.headers ?? {},
      body: init.body ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) throw new Error(`unexpected request ${method} ${url.pathname}`);
    return typeof handler === 'function' ? handler(request) : handler.clone();
  });
  vi.stubGlobal('fetch', fetch);
  return {
    requests,
    fetch,
    to: (method, path) => requests.filter((r) => r.method === method && r.path === path),
  };
}

export const USER = {
  id: 'u1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  apiKey: 'key_live_123',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

export function signIn(expiresIn = 900) {
  client.setSession({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn });
}
