import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { client } from '../api/index.js';
import { USER, json, mockApi, problem } from '../test/api.js';
import { renderApp } from '../test/render.jsx';

const SESSION = { user: USER, accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 };

describe('Login page', () => {
  test('shows what is missing next to each field without calling the server', async () => {
    const api = mockApi({});
    renderApp('/login');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(email).toHaveFocus();
    expect(api.requests).toHaveLength(0);
  });

  test('rejects a malformed email address', async () => {
    mockApi({});
    renderApp('/login');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Email'), 'ada.example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByTestId('email-error')).toHaveTextContent(/valid email/i);
  });

  test('shows the server problem detail when the credentials are wrong', async () => {
    mockApi({
      'POST /api/auth/login': problem(401, { title: 'Unauthorized', detail: 'Invalid email or password.' }),
    });
    renderApp('/login');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.');
    expect(client.hasSession()).toBe(false);
  });

  test('tells the user when to try again after too many attempts', async () => {
    mockApi({
      'POST /api/auth/login': problem(429, { title: 'Too Many Requests', detail: 'Too many login attempts.' }, { 'Retry-After': '42' }),
    });
    renderApp('/login');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever-it-is');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 42 seconds.');
  });

  test('signs in and returns to the page that was asked for', async () => {
    const api = mockApi({
      'POST /api/auth/login': json(200, SESSION),
      'GET /api/events': json(200, { events: [], nextCursor: null }),
    });
    const { location } = renderApp('/login?next=%2Fevents%3Fperiod%3D30d');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Email'), '  ada@example.com ');
    await user.type(screen.getByLabelText('Password'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(location().pathname).toBe('/events'));
    expect(location().search).toBe('?period=30d');
    expect(api.to('POST', '/api/auth/login')[0].body).toEqual({ email: 'ada@example.com', password: 'correct-horse' });
    expect(client.refreshToken()).toBe('refresh-1');
  });

  test('never follows a next parameter to another site', async () => {
    mockApi({
      'POST /api/auth/login': json(200, SESSION),
      'GET /api/stats/overview': json(200, {}),
      'GET /api/stats/timeseries': json(200, { points: [] }),
      'GET /api/stats/breakdown': json(200, { rows: [] }),
      'GET /api/stats/realtime': json(200, { visitorsNow: 0 }),
    });
    const { location } = renderApp('/login?next=%2F%2Fevil.example%2F');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(location().pathname).toBe('/'));
  });
});
