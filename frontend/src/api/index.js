import { createApiClient } from './client.js';
import { formatFilter } from '../lib/filters.js';

export { ApiError } from './problem.js';

export const client = createApiClient();

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === client.storageKey) client.adoptStoredSession();
  });
}

/** Common analytics parameters: the range, the time zone and the filters. */
export function statsQuery({ range, tz, filters = [] }, extra = {}) {
  return { from: range.from, to: range.to, tz, filter: filters.map(formatFilter), ...extra };
}

async function startSession(path, body) {
  const result = await client.request(path, { method: 'POST', body, auth: false });
  client.setSession(result);
  return result.user;
}

export const auth = {
  register: ({ name, email, password }) => startSession('/api/auth/register', { name, email, password }),
  login: ({ email, password }) => startSession('/api/auth/login', { email, password }),
  async logout() {
    const refreshToken = client.refreshToken();
    try {
      if (refreshToken) await client.request('/api/auth/logout', { method: 'POST', body: { refreshToken } });
    } finally {
      client.clearSession();
    }
  },
};

export const me = {
  get: (options) => client.request('/api/me', options),
  update: (changes) => client.request('/api/me', { method: 'PATCH', body: changes }),
  rotateApiKey: () => client.request('/api/me/api-key', { method: 'POST' }),
};

export const stats = {
  overview: (q, options) => client.request('/api/stats/overview', { ...options, query: statsQuery(q) }),
  timeseries: (q, interval, options) =>
    client.request('/api/stats/timeseries', { ...options, query: statsQuery(q, { interval }) }),
  breakdown: (q, dimension, limit, options) =>
    client.request('/api/stats/breakdown', { ...options, query: statsQuery(q, { dimension, limit }) }),
  realtime: (q, options) => client.request('/api/stats/realtime', { ...options, query: statsQuery(q) }),
  funnel: (q, steps, window, options) =>
    client.request('/api/stats/funnel', { ...options, query: statsQuery(q, { step: steps, window }) }),
  retention: (q, interval, options) =>
    client.request('/api/stats/retention', { ...options, query: statsQuery(q, { interval }) }),
};

export const events = {
  list: (q, { eventName, visitorId, limit, cursor }, options) =>
    client.request('/api/events', { ...options, query: statsQuery(q, { eventName, visitorId, limit, cursor }) }),
};

export function exportCsv(q, dataset) {
  return client.download('/api/export', {
    query: statsQuery(q, { format: 'csv', dataset }),
    filename: `${dataset}-${q.range.from}-${q.range.to}.csv`,
  });
}

/**
 * URL of the event stream; EventSource cannot send headers, so the token rides in the query. `renew`
 * asks for a new token even if the current one looks valid, for when the stream keeps being refused.
 */
export async function liveUrl({ renew = false } = {}) {
  const token = renew ? await client.refresh() : await client.accessToken();
  return `/api/live?access_token=${encodeURIComponent(token ?? '')}`;
}
