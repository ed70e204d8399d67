import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { statsQuery } from '../api/index.js';
import { chooseSite } from '../sites/currentSite.js';
import { USER, json, mockApi, problem, signIn } from '../test/api.js';
import { renderApp } from '../test/render.jsx';

const SITE = { id: 's1', teamId: 't1', name: 'Shop', domain: 'shop.example', timezone: 'UTC', state: 'active' };
const OVERVIEW = { visitors: 3, pageviews: 5, sessions: 4, events: 6, bounceRate: 0.5, avgSessionSeconds: 10,
  viewsPerSession: 1.2, previous: {} };

afterEach(() => chooseSite(null));

describe('sites', () => {
  test('every analytics call names the chosen site', () => {
    chooseSite('docs-site');
    expect(statsQuery({ range: { from: '2026-01-01', to: '2026-01-07' }, tz: 'UTC' }).site).toBe('docs-site');
  });

  describe('as a viewer', () => {
    beforeEach(() => {
      signIn();
      mockApi({
        'GET /api/me': json(200, USER),
        'GET /api/sites': json(200, { sites: [{ ...SITE, role: 'viewer' }] }),
        'GET /api/teams': json(200, { teams: [{ id: 't1', name: 'Acme', role: 'viewer' }] }),
      });
    });

    test('the sites page shows no settings, keys or links, and Setup is not offered', async () => {
      renderApp('/sites');

      expect(await screen.findByTestId('viewer-notice')).toHaveTextContent('Shop');
      expect(screen.queryByTestId('site-keys')).toBeNull();
      expect(screen.queryByTestId('site-settings')).toBeNull();
      expect(screen.queryByTestId('nav-setup')).toBeNull();
      expect(screen.getByTestId('site-switcher')).toHaveValue('s1');
    });
  });

  describe('as an admin', () => {
    test('the sites page offers settings, keys, links and deletion of the chosen site', async () => {
      signIn();
      const api = mockApi({
        'GET /api/me': json(200, USER),
        'GET /api/sites': json(200, { sites: [{ ...SITE, role: 'admin' }] }),
        'GET /api/teams': json(200, { teams: [{ id: 't1', name: 'Acme', role: 'admin' }] }),
        'GET /api/sites/s1/keys': json(200, { keys: [{ id: 'k1', kind: 'write', prefix: 'tsk_AbCd',
          createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null }] }),
        'GET /api/sites/s1/shares': json(200, { shares: [] }),
        'POST /api/sites/s1/keys': json(201, { id: 'k2', kind: 'stats', prefix: 'tsr_XyZw',
          secret: 'tsr_secret', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null }),
      });
      renderApp('/sites');

      expect(await screen.findByText('tsk_AbCd…')).toBeInTheDocument();
      fireEvent.click(screen.getByTestId('create-stats-key'));

      expect(await screen.findByTestId('created-key')).toHaveTextContent('tsr_secret');
      expect(api.to('POST', '/api/sites/s1/keys')[0].body).toEqual({ kind: 'stats' });
      expect(screen.getByTestId('delete-site')).toBeInTheDocument();
    });
  });
});

describe('a shared dashboard', () => {
  test('asks for the password of a protected link and then shows the figures, signed out', async () => {
    const token = 'T'.repeat(43);
    const api = mockApi({
      [`GET /api/share/${token}`]: (request) => request.headers['X-Share-Password'] === 'sesame'
        ? json(200, { name: 'Shop', timezone: 'UTC' })
        : problem(401, { title: 'Unauthorized', detail: 'This shared dashboard needs its password',
          passwordRequired: true }),
      [`GET /api/share/${token}/stats/overview`]: json(200, OVERVIEW),
      [`GET /api/share/${token}/stats/breakdown`]: json(200, { rows: [] }),
    });
    renderApp(`/share/${token}`);

    const form = await screen.findByTestId('share-password-form');
    fireEvent.change(form.querySelector('input'), { target: { value: 'sesame' } });
    fireEvent.submit(form);

    expect(await screen.findByTestId('kpis')).toHaveTextContent('5');
    expect(api.to('GET', `/api/share/${token}/stats/overview`)[0].params.has('site')).toBe(false);
    expect(screen.queryByTestId('site-switcher')).toBeNull();
  });

  test('says so when the link was revoked', async () => {
    const token = 'R'.repeat(43);
    mockApi({ [`GET /api/share/${token}`]: problem(404, { title: 'Not Found',
      detail: 'This share link does not exist, was revoked or has expired' }) });
    renderApp(`/share/${token}`);

    expect(await screen.findByTestId('share-refused')).toHaveTextContent('revoked');
  });
});
