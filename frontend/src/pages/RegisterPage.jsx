import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/index.js';
import { useAuth } from '../auth/AuthContext.jsx';
import { Field, FormAlert } from '../components/Field.jsx';
import { useForm } from '../hooks/useForm.js';
import { PASSWORD_MAX, PASSWORD_MIN, validateEmail, validateName, validateNewPassword } from '../lib/validation.js';
import { AuthLayout } from './AuthLayout.jsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

export default function RegisterPage() {
  useDocumentTitle('Create account');
  const { register } = useAuth();
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useForm({
    initial: { name: '', email: '', password: '' },
    validate: ({ name, email, password }) => ({
      name: validateName(name),
      email: validateEmail(email),
      password: validateNewPassword(password),
    }),
    async submit({ name, email, password }) {
      try {
        await register({ name: name.trim(), email: email.trim(), password });
      } catch (error) {
        // A taken address is about the email field, so say it there.
        if (error instanceof ApiError && error.status === 409 && error.errors.length === 0) {
          throw new ApiError({
            ...error,
            errors: [{ field: 'email', message: error.detail || 'This email is already registered.' }],
          });
        }
        throw error;
      }
    },
  });

  const loginLink = next ? `/login?next=${encodeURIComponent(next)}` : '/login';
  return (
    <AuthLayout
      title="Create your account"
      footer={
        <>
          Already have an account? <Link to={loginLink}>Sign in</Link>
        </>
      }
    >
      <form onSubmit={form.onSubmit} noValidate aria-label="Create account" data-testid="register-form">
        <FormAlert>{form.formError}</FormAlert>
        <Field label="Name" autoComplete="name" {...form.bind('name')} />
        <Field label="Email" type="email" autoComplete="email" {...form.bind('email')} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters.`}
          {...form.bind('password')}
        />
        <button type="submit" className="button button-block" disabled={form.submitting} data-testid="register-submit">
          {form.submitting ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
