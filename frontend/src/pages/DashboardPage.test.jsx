import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { USER, json, mockApi, problem, signIn } from '../test/api.js';
import { renderApp } from '../test/render.jsx';

const OVERVIEW = {
  visitors: 120,
  pageviews: 300,
  sessions: 150,
  events: 320,
  bounceRate: 0.4,
  avgSessionSeconds: 83,
  viewsPerSession: 2,
  previous: { visitors: 100, pageviews: 300, sessions: 160, events: 300, bounceRate: 0.5, avgSessionSeconds: 60, viewsPerSession: 1.875 },
};

const ROWS = {
  page: [
    { value: '/pricing', visitors: 80, pageviews: 120, events: 120 },
    { value: '/', visitors: 40, pageviews: 60, events: 60 },
  ],
  browser: [{ value: 'Firefox', visitors: 70, pageviews: 150, events: 150 }],
  country: [
    { value: 'US', visitors: 90, pageviews: 200, events: 210 },
    { value: 'GB', visitors: 30, pageviews: 100, events: 110 },
  ],
  region: [{ value: 'GB-ENG', visitors: 30, pageviews: 100, events: 110 }],
};

function dashboardApi(overrides = {}) {
  return mockApi({
    'GET /api/me': json(200, USER),
    'GET /api/stats/overview': json(200, OVERVIEW),
    'GET /api/stats/timeseries': (req) =>
      json(200, {
        interval: req.params.get('interval'),
        points: [
          { t: '2026-01-01', visitors: 50, pageviews: 100, sessions: 60, events: 110 },
          { t: '2026-01-02', visitors: 70, pageviews: 200, sessions: 90, events: 210 },
        ],
      }),
    'GET /api/stats/breakdown': (req) => {
      const dimension = req.params.get('dimension');
      return json(200, { dimension, rows: ROWS[dimension] ?? [] });
    },
    'GET /api/stats/realtime': json(200, { visitorsNow: 3, pageviewsPerMinute: [] }),
    ...overrides,
  });
}

describe('Dashboard page', () => {
  beforeEach(() => signIn());

  test('shows each KPI with its change against the previous period', async () => {
    dashboardApi();
    renderApp('/');

    expect(await screen.findByTestId('kpi-visitors-value')).toHaveTextContent('120');
    expect(screen.getByTestId('kpi-visitors-change')).toHaveTextContent('↑ 20%');
    expect(screen.getByTestId('kpi-pageviews-value')).toHaveTextContent('300');
    expect(screen.getByTestId('kpi-pageviews-change')).toHaveTextContent('0%');
    expect(screen.getByTestId('kpi-sessions-change')).toHaveTextContent('↓ 6.3%');
    expect(screen.getByTestId('kpi-bounceRate-value')).toHaveTextContent('40%');
    // Fewer bounces is good news, so a drop counts as an improvement.
    expect(screen.getByTestId('kpi-bounceRate-change')).toHaveTextContent('↓ 10 pp');
    expect(screen.getByTestId('kpi-bounceRate-change')).toHaveClass('kpi-change-up');
    expect(screen.getByTestId('kpi-avgSessionSeconds-value')).toHaveTextContent('1m 23s');
    expect(screen.getByTestId('kpi-viewsPerSession-value')).toHaveTextContent('2');
    expect(await screen.findByTestId('realtime-visitors')).toHaveTextContent('3 visitors now');
  });

  test('asks for the chosen range in the browser time zone', async () => {
    const api = dashboardApi();
    renderApp('/?period=custom&from=2026-01-01&to=2026-01-31');

    await screen.findByTestId('kpi-visitors-value');
    const request = api.to('GET', '/api/stats/overview')[0];
    expect(request.params.get('from')).toBe('2026-01-01');
    expect(request.params.get('to')).toBe('2026-01-31');
    expect(request.params.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(api.to('GET', '/api/stats/timeseries')[0].params.get('interval')).toBe('day');
  });

  test('clicking a breakdown row filters every query and shows a removable chip', async () => {
    const api = dashboardApi();
    const { location } = renderApp('/');
    const user = userEvent.setup();

    const pages = await screen.findByTestId('breakdown-page');
    await user.click(within(pages).getByRole('button', { name: 'Filter by page /pricing' }));

    const chip = await screen.findByTestId('filter-chip');
    expect(chip).toHaveTextContent('Page is /pricing');
    expect(location().search).toContain('filter=page%3A%2Fpricing');
    await waitFor(() => {
      const filtered = api.to('GET', '/api/stats/overview').filter((r) => r.params.getAll('filter').includes('page:/pricing'));
      expect(filtered).toHaveLength(1);
    });
    const breakdowns = api.to('GET', '/api/stats/breakdown');
    expect(breakdowns.at(-1).params.getAll('filter')).toEqual(['page:/pricing']);

    await user.click(screen.getByRole('button', { name: 'Remove filter: Page is /pricing' }));

    expect(screen.queryByTestId('filter-chip')).not.toBeInTheDocument();
    await waitFor(() => expect(api.to('GET', '/api/stats/overview').at(-1).params.getAll('filter')).toEqual([]));
  });

  test('filters from different breakdowns combine', async () => {
    const api = dashboardApi();
    renderApp('/?filter=page%3A%2Fpricing');
    const user = userEvent.setup();

    const devices = await screen.findByTestId('panel-devices');
    await user.click(await within(devices).findByRole('button', { name: 'Filter by browser Firefox' }));

    await waitFor(() => expect(screen.getAllByTestId('filter-chip')).toHaveLength(2));
    await waitFor(() =>
      expect(api.to('GET', '/api/stats/overview').at(-1).params.getAll('filter')).toEqual(['page:/pricing', 'browser:Firefox']),
    );
  });

  test('shows visitors by country on a lazily loaded map and in a list named in the browser language', async () => {
    const api = dashboardApi();
    renderApp('/');
    const user = userEvent.setup();

    const panel = await screen.findByTestId('panel-locations');
    const map = await within(panel).findByTestId('world-map');
    const fill = (code) => map.querySelector(`path[data-country="${code}"]`).getAttribute('fill');
    expect(fill('US')).toBe('rgb(67, 56, 202)');
    expect(fill('GB')).not.toBe(fill('FR'));
    expect(fill('FR')).toBe('#e5e7ef');
    expect(api.to('GET', '/api/stats/breakdown').find((r) => r.params.get('dimension') === 'country').params.get('limit'))
      .toBe('300');
    const countryName = new Intl.DisplayNames(undefined, { type: 'region' }).of('GB');

    await user.click(within(panel).getByRole('button', { name: `Filter by country ${countryName}` }));

    expect(await screen.findByTestId('filter-chip')).toHaveTextContent(`Country is ${countryName}`);
    await waitFor(() =>
      expect(api.to('GET', '/api/stats/overview').at(-1).params.getAll('filter')).toEqual(['country:GB']),
    );
  });

  test('clicking a shaded country on the map filters by it; regions and cities have their own tabs', async () => {
    const api = dashboardApi();
    const { location } = renderApp('/');
    const user = userEvent.setup();

    const panel = await screen.findByTestId('panel-locations');
    const map = await within(panel).findByTestId('world-map');
    await user.click(map.querySelector('path[data-country="US"]'));
    await waitFor(() => expect(location().search).toContain('filter=country%3AUS'));

    await user.click(within(panel).getByRole('tab', { name: 'Regions' }));
    expect(await within(panel).findByRole('button', { name: 'Filter by region GB-ENG' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('tab', { name: 'Cities' }));
    expect(await within(panel).findByText('Nothing recorded for this period.')).toBeInTheDocument();
    expect(api.to('GET', '/api/stats/breakdown').map((r) => r.params.get('dimension'))).toContain('city');
  });

  test('switches a panel to another breakdown with its tabs', async () => {
    const api = dashboardApi();
    renderApp('/');
    const user = userEvent.setup();

    const panel = await screen.findByTestId('panel-pages');
    await user.click(within(panel).getByRole('tab', { name: 'Entry pages' }));

    await waitFor(() =>
      expect(api.to('GET', '/api/stats/breakdown').map((r) => r.params.get('dimension'))).toContain('entryPage'),
    );
    expect(within(panel).getByRole('tab', { name: 'Entry pages' })).toHaveAttribute('aria-selected', 'true');
  });

  test('shows an empty state when nothing was recorded', async () => {
    dashboardApi({
      'GET /api/stats/timeseries': json(200, { interval: 'day', points: [] }),
      'GET /api/stats/breakdown': json(200, { dimension: 'page', rows: [] }),
    });
    renderApp('/');

    expect(await screen.findByText('No visits in this period yet.')).toBeInTheDocument();
    expect((await screen.findAllByText('Nothing recorded for this period.')).length).toBeGreaterThan(0);
  });

  test('shows an error with a retry when a query fails', async () => {
    let calls = 0;
    dashboardApi({
      'GET /api/stats/overview': () => {
        calls += 1;
        return calls === 1 ? problem(500, { title: 'Internal Server Error', detail: 'Stats are unavailable.' }) : json(200, OVERVIEW);
      },
    });
    renderApp('/');
    const user = userEvent.setup();

    expect(await screen.findByText('Stats are unavailable.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('kpi-visitors-value')).toHaveTextContent('120');
  });
});
