import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { USER, json, mockApi, problem, signIn } from '../test/api.js';
import { renderApp } from '../test/render.jsx';

function page(ids, nextCursor) {
  return json(200, {
    events: ids.map((id) => ({
      id,
      eventName: id.startsWith('s') ? 'signup' : 'pageview',
      timestamp: '2026-01-01T10:00:00Z',
      visitorId: `visitor-${id}`,
      sessionId: `session-${id}`,
      page: `https://example.com/${id}`,
      referrer: '',
      browser: 'Firefox',
      os: 'Linux',
      device: 'desktop',
      country: 'FR',
      properties: { plan: 'pro' },
    })),
    nextCursor,
  });
}

describe('Events page', () => {
  beforeEach(() => signIn());

  test('pages forward with the cursor and back again', async () => {
    const api = mockApi({
      'GET /api/me': json(200, USER),
      'GET /api/events': (req) => (req.params.get('cursor') === 'c2' ? page(['p3'], null) : page(['p1', 'p2'], 'c2')),
    });
    renderApp('/events');
    const user = userEvent.setup();

    expect(await screen.findAllByTestId('event-row')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(1));
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));
    expect(api.to('GET', '/api/events').map((r) => r.params.get('cursor'))).toEqual([null, 'c2', null]);
  });

  test('filters by event name and visitor, starting again from the first page', async () => {
    const api = mockApi({
      'GET /api/me': json(200, USER),
      'GET /api/events': page(['s1'], null),
    });
    renderApp('/events');
    const user = userEvent.setup();
    await screen.findAllByTestId('event-row');

    await user.type(screen.getByLabelText('Event name'), 'signup');
    await user.type(screen.getByLabelText('Visitor ID'), 'visitor-s1');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(api.to('GET', '/api/events')).toHaveLength(2));
    const last = api.to('GET', '/api/events').at(-1).params;
    expect(last.get('eventName')).toBe('signup');
    expect(last.get('visitorId')).toBe('visitor-s1');
    expect(last.get('limit')).toBe('50');
    expect(last.get('cursor')).toBeNull();
  });

  test('shows the properties of an event on request', async () => {
    mockApi({ 'GET /api/me': json(200, USER), 'GET /api/events': page(['p1'], null) });
    renderApp('/events');
    const user = userEvent.setup();

    const row = (await screen.findAllByTestId('event-row'))[0];
    await user.click(within(row).getByRole('button', { name: 'Details' }));

    expect(screen.getByText('Property plan').nextSibling).toHaveTextContent('pro');
    expect(within(row).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
  });

  test('says so when nothing matches, and shows server errors', async () => {
    let fail = false;
    mockApi({
      'GET /api/me': json(200, USER),
      'GET /api/events': () => (fail ? problem(400, { detail: 'limit must be at most 100' }) : json(200, { events: [], nextCursor: null })),
    });
    renderApp('/events');
    const user = userEvent.setup();

    expect(await screen.findByText('No events match these filters.')).toBeInTheDocument();
    fail = true;
    await user.selectOptions(screen.getByLabelText('Per page'), '100');
    expect(await screen.findByRole('alert')).toHaveTextContent('limit must be at most 100');
  });
});
