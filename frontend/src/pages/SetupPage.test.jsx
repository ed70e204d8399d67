import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { USER, json, mockApi, signIn } from '../test/api.js';
import { FakeEventSource } from '../test/FakeEventSource.js';
import { renderApp } from '../test/render.jsx';

const NOTHING_DROPPED = {
  accepted: 0,
  stored: 0,
  dropped: { malformed: 0, too_old: 0, duplicate: 0, bot: 0, quota: 0 },
  hours: [],
};

describe('Setup page', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    signIn();
    mockApi({ 'GET /api/me': json(200, USER), 'GET /api/stats/ingest': json(200, NOTHING_DROPPED) });
  });

  test('shows the snippet, curl and Segment examples with the user API key', async () => {
    renderApp('/setup');

    expect(await screen.findByTestId('tracker-snippet')).toHaveTextContent(
      `<script defer src="${window.location.origin}/t.js" data-api-key="key_live_123"></script>`,
    );
    expect(screen.getByTestId('curl-example')).toHaveTextContent("-H 'X-API-Key: key_live_123'");
    expect(screen.getByTestId('curl-example')).toHaveTextContent(`${window.location.origin}/api/events`);
    expect(screen.getByTestId('segment-example')).toHaveTextContent(`writeKey: 'key_live_123', host: '${window.location.origin}'`);
    expect(screen.getByRole('button', { name: 'Copy snippet' })).toBeInTheDocument();
  });

  test('waits for the first event on the live stream, then turns green', async () => {
    renderApp('/setup');

    const check = await screen.findByTestId('setup-check');
    expect(check).toHaveAttribute('data-state', 'waiting');
    expect(check).toHaveTextContent('Waiting for your first event…');

    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const source = FakeEventSource.instances[0];
    expect(source.url).toBe('/api/live?access_token=access-1');

    act(() => source.emit({ eventName: 'pageview', page: 'http://localhost/hello' }));

    expect(screen.getByTestId('setup-check')).toHaveAttribute('data-state', 'received');
    expect(screen.getByTestId('setup-check')).toHaveTextContent('pageview on http://localhost/hello');
    expect(source.closed).toBe(true);
  });

  test('shows what became of the last day of events, with each drop reason in words', async () => {
    const api = mockApi({
      'GET /api/me': json(200, USER),
      'GET /api/stats/ingest': json(200, {
        ...NOTHING_DROPPED,
        accepted: 1204,
        stored: 1180,
        dropped: { ...NOTHING_DROPPED.dropped, duplicate: 20, bot: 4 },
      }),
    });
    renderApp('/setup');

    expect(await screen.findByTestId('ingest-accepted')).toHaveTextContent('1,204');
    expect(screen.getByTestId('ingest-stored')).toHaveTextContent('1,180');
    const dropped = screen.getByTestId('ingest-dropped');
    expect(dropped.querySelectorAll('li')).toHaveLength(2);
    expect(dropped.querySelector('[data-reason="duplicate"]')).toHaveTextContent('20 dropped: repeated an event id');
    expect(dropped.querySelector('[data-reason="bot"]')).toHaveTextContent('4 dropped: came from a bot');
    expect(api.to('GET', '/api/stats/ingest')).toHaveLength(1);
  });

  test('says so when nothing was dropped', async () => {
    renderApp('/setup');

    expect(await screen.findByTestId('ingest-counts')).toHaveTextContent('No event was dropped.');
  });
});
