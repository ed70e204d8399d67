import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { client } from '../api/index.js';
import { USER, json, mockApi, problem, signIn } from '../test/api.js';
import { renderApp } from '../test/render.jsx';
import { loginPathFor, safeNextPath } from './redirect.js';

describe('session handling', () => {
  test('a signed-out visit to a page goes to Login and remembers the page', async () => {
    mockApi({});
    const { location } = renderApp('/events?period=30d');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(location().pathname).toBe('/login');
    expect(new URLSearchParams(location().search).get('next')).toBe('/events?period=30d');
  });

  test('a session that can no longer be refreshed returns to Login, keeping the page', async () => {
    signIn();
    mockApi({
      'GET /api/me': problem(401, { title: 'Unauthorized' }),
      'POST /api/auth/refresh': problem(401, { title: 'Unauthorized', detail: 'Refresh token expired.' }),
    });
    const { location } = renderApp('/retention?period=today');

    expect(await screen.findByText(/Your session has expired/)).toBeInTheDocument();
    expect(location().pathname).toBe('/login');
    expect(new URLSearchParams(location().search).get('next')).toBe('/retention?period=today');
    expect(client.hasSession()).toBe(false);
  });

  test('restores a stored session on start and shows the user', async () => {
    signIn();
    mockApi({
      'GET /api/me': json(200, USER),
      'GET /api/events': json(200, { events: [], nextCursor: null }),
    });
    renderApp('/events');

    expect(await screen.findByTestId('user-name')).toHaveTextContent('Ada Lovelace');
    expect(await screen.findByText('No events match these filters.')).toBeInTheDocument();
  });

  test('logging out revokes the refresh token and returns to Login', async () => {
    signIn();
    const api = mockApi({
      'GET /api/me': json(200, USER),
      'POST /api/auth/logout': new Response(null, { status: 204 }),
    });
    const { location } = renderApp('/profile');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    await waitFor(() => expect(location().pathname).toBe('/login'));
    const logout = api.to('POST', '/api/auth/logout')[0];
    expect(logout.body).toEqual({ refreshToken: 'refresh-1' });
    expect(logout.headers.Authorization).toBe('Bearer access-1');
    expect(client.hasSession()).toBe(false);
  });

  test('unknown paths inside the app show a not-found page', async () => {
    signIn();
    mockApi({ 'GET /api/me': json(200, USER) });
    renderApp('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('redirect targets', () => {
  test('only same-site paths are followed', () => {
    expect(safeNextPath('/events?x=1')).toBe('/events?x=1');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/login?next=/x')).toBe('/');
  });

  test('the dashboard root needs no next parameter', () => {
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('/live')).toBe('/login?next=%2Flive');
  });
});
