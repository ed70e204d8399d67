import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { USER, json, mockApi, signIn } from '../test/api.js';
import { FakeEventSource } from '../test/FakeEventSource.js';
import { renderApp } from '../test/render.jsx';

const event = (n, extra = {}) => ({
  id: `e${n}`,
  eventName: 'pageview',
  timestamp: `2026-01-01T10:00:0${n}Z`,
  page: `https://example.com/p${n}`,
  browser: 'Firefox',
  ...extra,
});

describe('Live page', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    signIn();
  });
  afterEach(() => vi.useRealTimers());

  test('lists events as they arrive, newest first, and ignores malformed messages', async () => {
    mockApi({ 'GET /api/me': json(200, USER) });
    renderApp('/live');

    expect(await screen.findByText(/Waiting for events/)).toBeInTheDocument();
    await vi.waitFor(() => expect(FakeEventSource.latest()).toBeDefined());
    const source = FakeEventSource.latest();
    act(() => source.open());
    expect(screen.getByTestId('live-status')).toHaveTextContent('Connected');

    act(() => {
      source.emit(event(1));
      source.emit('not json');
      source.emit(event(2, { eventName: 'signup' }));
    });

    const items = within(screen.getByTestId('live-feed')).getAllByTestId('live-event');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('signup');
    expect(items[1]).toHaveTextContent('https://example.com/p1');
  });

  test('reconnects with a fresh token after the stream breaks', async () => {
    const api = mockApi({
      'GET /api/me': json(200, USER),
      'POST /api/auth/refresh': json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 }),
    });
    renderApp('/live');
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    expect(FakeEventSource.latest().url).toBe('/api/live?access_token=access-1');

    // The token in the URL has meanwhile expired: the next one must come from a refresh.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 900_000);
    act(() => FakeEventSource.latest().fail());
    expect(screen.getByTestId('live-status')).toHaveTextContent('Reconnecting');
    expect(FakeEventSource.instances[0].closed).toBe(true);

    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(2), { timeout: 5_000 });
    vi.useRealTimers();
    expect(FakeEventSource.latest().url).toBe('/api/live?access_token=access-2');
    expect(api.to('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  test('pausing closes the stream and resuming opens a new one', async () => {
    mockApi({ 'GET /api/me': json(200, USER) });
    renderApp('/live');
    const user = userEvent.setup();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(FakeEventSource.instances[0].closed).toBe(true);
    expect(screen.getByTestId('live-status')).toHaveTextContent('Paused');

    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(2));
  });
});

describe('Live stream that keeps failing', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    signIn();
  });

  test('renews the token after two failed attempts even if it has not expired', async () => {
    const api = mockApi({
      'GET /api/me': json(200, USER),
      'POST /api/auth/refresh': json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 }),
    });
    renderApp('/live');
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));

    act(() => FakeEventSource.latest().fail());
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(2), { timeout: 5_000 });
    expect(FakeEventSource.latest().url).toBe('/api/live?access_token=access-1');

    act(() => FakeEventSource.latest().fail());
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(3), { timeout: 5_000 });
    expect(FakeEventSource.latest().url).toBe('/api/live?access_token=access-2');
    expect(api.to('POST', '/api/auth/refresh')).toHaveLength(1);
  });
});
