import { Link } from 'react-router-dom';
import { useState } from 'react';
import { ApiError, me } from '../api/index.js';
import { useAuth } from '../auth/AuthContext.jsx';
import { ConfirmDialog } from '../components/ConfirmDialog.jsx';
import { CopyButton } from '../components/CopyButton.jsx';
import { Field, FormAlert } from '../components/Field.jsx';
import { useForm } from '../hooks/useForm.js';
import { PASSWORD_MAX, PASSWORD_MIN, validateName, validateNewPassword } from '../lib/validation.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

function NameForm() {
  const { user, updateUser } = useAuth();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: { name: user.name ?? '' },
    validate: ({ name }) => ({ name: validateName(name) }),
    async submit({ name }) {
      setSaved(false);
      updateUser(await me.update({ name: name.trim() }));
      setSaved(true);
    },
  });
  return (
    <form className="card" onSubmit={form.onSubmit} noValidate aria-labelledby="profile-name-title" data-testid="name-form">
      <h2 id="profile-name-title">Name</h2>
      <FormAlert>{form.formError}</FormAlert>
      {saved && <FormAlert tone="success">Your name was saved.</FormAlert>}
      <Field label="Name" autoComplete="name" {...form.bind('name')} />
      <button type="submit" className="button" disabled={form.submitting}>
        {form.submitting ? 'Saving…' : 'Save name'}
      </button>
    </form>
  );
}

function PasswordForm() {
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: { currentPassword: '', newPassword: '' },
    validate: ({ currentPassword, newPassword }) => ({
      currentPassword: currentPassword ? null : 'Enter your current password.',
      newPassword:
        validateNewPassword(newPassword) ??
        (newPassword === currentPassword ? 'Choose a password different from the current one.' : null),
    }),
    async submit(values, { setValues }) {
      setSaved(false);
      try {
        await me.update(values);
      } catch (error) {
        // The server answers 403 when the current password is wrong; say so on that field.
        if (error instanceof ApiError && error.status === 403 && error.errors.length === 0) {
          throw new ApiError({
            ...error,
            errors: [{ field: 'currentPassword', message: error.detail || 'The current password is not correct.' }],
          });
        }
        throw error;
      }
      setValues({ currentPassword: '', newPassword: '' });
      setSaved(true);
    },
  });
  return (
    <form className="card" onSubmit={form.onSubmit} noValidate aria-labelledby="profile-password-title" data-testid="password-form">
      <h2 id="profile-password-title">Password</h2>
      <FormAlert>{form.formError}</FormAlert>
      {saved && <FormAlert tone="success">Your password was changed.</FormAlert>}
      <Field label="Current password" type="password" autoComplete="current-password" {...form.bind('currentPassword')} />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters.`}
        {...form.bind('newPassword')}
      />
      <button type="submit" className="button" disabled={form.submitting}>
        {form.submitting ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

function ApiKeyCard() {
  const { user, updateUser } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState({ busy: false, error: null, rotated: false });

  async function rotate() {
    setState({ busy: true, error: null, rotated: false });
    try {
      const { apiKey } = await me.rotateApiKey();
      updateUser({ apiKey });
      setState({ busy: false, error: null, rotated: true });
    } catch (error) {
      setState({ busy: false, error: error.userMessage?.() ?? 'Could not rotate the key.', rotated: false });
    } finally {
      setConfirming(false);
    }
  }

  return (
    <section className="card" aria-labelledby="profile-key-title">
      <h2 id="profile-key-title">API key</h2>
      <p className="muted">
        The write key of your first site: your tracker snippet and server integrations send events with it. Every
        site&apos;s keys are on the <Link to="/sites">sites page</Link>.
      </p>
      <FormAlert>{state.error}</FormAlert>
      {state.rotated && (
        <FormAlert tone="success">A new key is active. Update your snippet and integrations with it.</FormAlert>
      )}
      <div className="api-key-row">
        <code className="api-key" data-testid="api-key">
          {user.apiKey ?? 'Keys are shown only once, when they are made: rotate to get a new one.'}
        </code>
        {user.apiKey && <CopyButton text={user.apiKey} label="Copy key" />}
      </div>
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)} data-testid="rotate-api-key">
        Rotate key
      </button>
      <ConfirmDialog
        open={confirming}
        title="Rotate the API key?"
        confirmLabel="Rotate key"
        busy={state.busy}
        onConfirm={rotate}
        onCancel={() => setConfirming(false)}
      >
        <p>The current key stops working at once. Sites and servers still using it will stop sending events until you update them.</p>
      </ConfirmDialog>
    </section>
  );
}

export default function ProfilePage() {
  useDocumentTitle('Profile');
  const { user } = useAuth();
  return (
    <div className="page page-narrow">
      <h1>Profile</h1>
      <p className="muted">
        Signed in as <strong data-testid="profile-email">{user.email}</strong>
      </p>
      <NameForm />
      <PasswordForm />
      <ApiKeyCard />
    </div>
  );
}
