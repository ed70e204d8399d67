import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { USER, json, mockApi, signIn } from '../test/api.js';
import { FakeEventSource } from '../test/FakeEventSource.js';
import { renderApp } from '../test/render.jsx';

describe('Setup page', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    signIn();
    mockApi({ 'GET /api/me': json(200, USER) });
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
});
