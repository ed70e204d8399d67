import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { USER, json, mockApi, problem, signIn } from '../test/api.js';
import { renderApp } from '../test/render.jsx';

function openProfile(handlers = {}) {
  signIn();
  const api = mockApi({ 'GET /api/me': json(200, USER), ...handlers });
  renderApp('/profile');
  return api;
}

describe('Profile page', () => {
  test('saves a new name and shows it in the header', async () => {
    const api = openProfile({
      'PATCH /api/me': (req) => json(200, { ...USER, name: req.body.name }),
    });
    const user = userEvent.setup();
    const form = within(await screen.findByTestId('name-form'));

    await user.clear(form.getByLabelText('Name'));
    await user.type(form.getByLabelText('Name'), 'Countess of Lovelace');
    await user.click(form.getByRole('button', { name: 'Save name' }));

    expect(await form.findByText('Your name was saved.')).toBeInTheDocument();
    expect(api.to('PATCH', '/api/me')[0].body).toEqual({ name: 'Countess of Lovelace' });
    expect(screen.getByTestId('user-name')).toHaveTextContent('Countess of Lovelace');
  });

  test('does not send an empty name', async () => {
    const api = openProfile();
    const user = userEvent.setup();
    const form = within(await screen.findByTestId('name-form'));

    await user.clear(form.getByLabelText('Name'));
    await user.click(form.getByRole('button', { name: 'Save name' }));

    expect(form.getByLabelText('Name')).toHaveAccessibleDescription('Enter your name.');
    expect(api.to('PATCH', '/api/me')).toHaveLength(0);
  });

  test('shows a wrong current password on that field', async () => {
    openProfile({
      'PATCH /api/me': problem(403, { title: 'Forbidden', detail: 'Current password is incorrect.' }),
    });
    const user = userEvent.setup();
    const form = within(await screen.findByTestId('password-form'));

    await user.type(form.getByLabelText('Current password'), 'not-my-password');
    await user.type(form.getByLabelText('New password'), 'brand-new-password');
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(await form.findByTestId('currentPassword-error')).toHaveTextContent('Current password is incorrect.');
  });

  test('changes the password and clears the fields', async () => {
    const api = openProfile({ 'PATCH /api/me': json(200, USER) });
    const user = userEvent.setup();
    const form = within(await screen.findByTestId('password-form'));

    await user.type(form.getByLabelText('Current password'), 'old-password');
    await user.type(form.getByLabelText('New password'), 'new-password-1');
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(await form.findByText('Your password was changed.')).toBeInTheDocument();
    expect(api.to('PATCH', '/api/me')[0].body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password-1' });
    expect(form.getByLabelText('Current password')).toHaveValue('');
  });

  test('requires a new password of at least 8 characters', async () => {
    const api = openProfile();
    const user = userEvent.setup();
    const form = within(await screen.findByTestId('password-form'));

    await user.type(form.getByLabelText('Current password'), 'old-password');
    await user.type(form.getByLabelText('New password'), 'short');
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(form.getByLabelText('New password')).toHaveAccessibleDescription(/at least 8 characters/);
    expect(api.to('PATCH', '/api/me')).toHaveLength(0);
  });

  test('rotating the API key asks first, and cancelling keeps the key', async () => {
    const api = openProfile({ 'POST /api/me/api-key': json(200, { apiKey: 'key_live_456' }) });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Rotate key' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Rotate the API key?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.to('POST', '/api/me/api-key')).toHaveLength(0);
    expect(screen.getByTestId('api-key')).toHaveTextContent('key_live_123');
  });

  test('confirming the rotation shows the new key', async () => {
    const api = openProfile({ 'POST /api/me/api-key': json(200, { apiKey: 'key_live_456' }) });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Rotate key' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Rotate key' }));

    expect(await screen.findByText(/A new key is active/)).toBeInTheDocument();
    expect(screen.getByTestId('api-key')).toHaveTextContent('key_live_456');
    expect(api.to('POST', '/api/me/api-key')).toHaveLength(1);
  });
});
