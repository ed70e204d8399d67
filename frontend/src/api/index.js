import { createApiClient } from './client.js';
import { formatFilter } from '../lib/filters.js';
import { currentSiteId } from '../sites/currentSite.js';

export { ApiError } from './problem.js';

export const client = createApiClient();

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === client.storageKey) client.adoptStoredSession();
  });
}

/** Common analytics parameters: the site, the range, the time zone and the filters. */
export function statsQuery({ range, tz, filters = [] }, extra = {}) {
  return { site: currentSiteId(), from: range.from, to: range.to, tz, filter: filters.map(formatFilter), ...extra };
}

async function startSession(path, body) {
  const result = await client.request(path, { method: 'POST', body, auth: false });
  client.setSession(result);
  // A registration shows its first write key once; remember which site it writes to.
  return result.site ? { ...result.user, apiKeySite: result.site.id } : result.user;
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
  /** What became of the site's events over the last 24 hours: accepted, stored, dropped by reason. */
  ingest: (options) => client.request('/api/stats/ingest', { ...options, query: { site: currentSiteId() } }),
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
  const site = currentSiteId();
  return `/api/live?access_token=${encodeURIComponent(token ?? '')}${site ? `&site=${encodeURIComponent(site)}` : ''}`;
}

const json = (method, body) => ({ method, body });
const path = (...parts) => parts.map((part) => encodeURIComponent(part)).join('/');

export const sites = {
  list: (options) => client.request('/api/sites', options),
  create: (teamId, site) => client.request('/api/sites', { ...json('POST', site), query: { team: teamId } }),
  get: (id, options) => client.request(`/api/sites/${path(id)}`, options),
  update: (id, changes) => client.request(`/api/sites/${path(id)}`, json('PATCH', changes)),
  remove: (id, confirm) => client.request(`/api/sites/${path(id)}`, json('DELETE', { confirm })),
  keys: (id, options) => client.request(`/api/sites/${path(id)}/keys`, options),
  createKey: (id, kind) => client.request(`/api/sites/${path(id)}/keys`, json('POST', { kind })),
  deleteKey: (id, keyId) => client.request(`/api/sites/${path(id, 'keys', keyId)}`, { method: 'DELETE' }),
  shares: (id, options) => client.request(`/api/sites/${path(id)}/shares`, options),
  createShare: (id, share) => client.request(`/api/sites/${path(id)}/shares`, json('POST', share)),
  revokeShare: (id, shareId) => client.request(`/api/sites/${path(id, 'shares', shareId)}`, { method: 'DELETE' }),
};

export const teams = {
  list: (options) => client.request('/api/teams', options),
  create: (name) => client.request('/api/teams', json('POST', { name })),
  members: (id, options) => client.request(`/api/teams/${path(id)}/members`, options),
  setRole: (id, userId, role) => client.request(`/api/teams/${path(id, 'members', userId)}`, json('PATCH', { role })),
  removeMember: (id, userId) => client.request(`/api/teams/${path(id, 'members', userId)}`, { method: 'DELETE' }),
  invitations: (id, options) => client.request(`/api/teams/${path(id)}/invitations`, options),
  invite: (id, email, role) => client.request(`/api/teams/${path(id)}/invitations`, json('POST', { email, role })),
  withdraw: (id, invitationId) =>
    client.request(`/api/teams/${path(id, 'invitations', invitationId)}`, { method: 'DELETE' }),
  accept: (token) => client.request(`/api/invitations/${path(token)}/accept`, { method: 'POST' }),
};
