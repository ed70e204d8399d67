import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { USER, json, mockApi, problem } from '../test/api.js';
import { renderApp } from '../test/render.jsx';

async function fill(user, { name = 'Ada Lovelace', email = 'ada@example.com', password = 'analytical-engine' } = {}) {
  if (name) await user.type(await screen.findByLabelText('Name'), name);
  if (email) await user.type(screen.getByLabelText('Email'), email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('Register page', () => {
  test('checks the password length before sending anything', async () => {
    const api = mockApi({});
    renderApp('/register');
    const user = userEvent.setup();

    await fill(user, { password: 'short' });

    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/at least 8 characters/);
    expect(api.requests).toHaveLength(0);
  });

  test('refuses passwords longer than 128 characters', async () => {
    mockApi({});
    renderApp('/register');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByLabelText('Password'));
    await user.paste('x'.repeat(129));
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByTestId('password-error')).toHaveTextContent('Use at most 128 characters.');
  });

  test('puts server validation errors next to their fields', async () => {
    mockApi({
      'POST /api/auth/register': problem(400, {
        title: 'Bad Request',
        detail: 'Some fields are invalid.',
        errors: [
          { field: 'email', message: 'must be a well-formed email address' },
          { field: 'name', message: 'must not be blank' },
        ],
      }),
    });
    renderApp('/register');
    const user = userEvent.setup();

    await fill(user);

    expect(await screen.findByTestId('email-error')).toHaveTextContent('must be a well-formed email address');
    expect(screen.getByTestId('name-error')).toHaveTextContent('must not be blank');
  });

  test('says on the email field that the address is taken', async () => {
    mockApi({
      'POST /api/auth/register': problem(409, { title: 'Conflict', detail: 'An account with this email already exists.' }),
    });
    renderApp('/register');
    const user = userEvent.setup();

    await fill(user);

    expect(await screen.findByTestId('email-error')).toHaveTextContent('An account with this email already exists.');
  });

  test('creates the account and opens Setup', async () => {
    const api = mockApi({
      'POST /api/auth/register': json(201, { user: USER, accessToken: 'a', refreshToken: 'r', expiresIn: 900 }),
    });
    const { location } = renderApp('/register');
    const user = userEvent.setup();

    await fill(user);

    await waitFor(() => expect(location().pathname).toBe('/setup'));
    expect(api.to('POST', '/api/auth/register')[0].body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'analytical-engine',
    });
    expect(await screen.findByTestId('tracker-snippet')).toHaveTextContent('data-api-key="key_live_123"');
  });
});
