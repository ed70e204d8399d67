import { ApiError, problemFromResponse } from './problem.js';
import { statsQuery } from './index.js';

/**
 * The read-only API of a shared dashboard: no session, the token in the path and, for a protected link,
 * its password in a header. The shared link names its site, so no `site` is sent.
 */
export function shareApi(token, password) {
  async function get(path, query = {}) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key === 'site' || value == null || value === '') continue;
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    }
    const search = params.toString();
    const headers = { Accept: 'application/json' };
    if (password) headers['X-Share-Password'] = password;
    let response;
    try {
      response = await fetch(`/api/share/${encodeURIComponent(token)}${path}${search ? `?${search}` : ''}`, {
        headers,
      });
    } catch {
      throw new ApiError({ status: 0 });
    }
    if (!response.ok) {
      const problem = await problemFromResponse(response.clone());
      const body = await response.json().catch(() => ({}));
      problem.passwordRequired = body.passwordRequired === true;
      throw problem;
    }
    return response.json();
  }
  return {
    site: () => get(''),
    overview: (q) => get('/stats/overview', statsQuery(q)),
    timeseries: (q, interval) => get('/stats/timeseries', statsQuery(q, { interval })),
    breakdown: (q, dimension, limit) => get('/stats/breakdown', statsQuery(q, { dimension, limit })),
  };
}
