import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.jsx';
import { Field, FormAlert } from '../components/Field.jsx';
import { useForm } from '../hooks/useForm.js';
import { validateEmail } from '../lib/validation.js';
import { AuthLayout } from './AuthLayout.jsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';

export default function LoginPage() {
  useDocumentTitle('Sign in');
  const { login } = useAuth();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useForm({
    initial: { email: '', password: '' },
    validate: ({ email, password }) => ({
      email: validateEmail(email),
      password: password ? null : 'Enter your password.',
    }),
    // Signing in flips the auth state; the route guard then moves on to `next`.
    submit: ({ email, password }) => login({ email: email.trim(), password }),
  });

  const registerLink = next ? `/register?next=${encodeURIComponent(next)}` : '/register';
  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          New here? <Link to={registerLink}>Create an account</Link>
        </>
      }
    >
      {location.state?.expired && (
        <FormAlert tone="info">Your session has expired. Sign in again to continue.</FormAlert>
      )}
      <form onSubmit={form.onSubmit} noValidate aria-label="Sign in" data-testid="login-form">
        <FormAlert>{form.formError}</FormAlert>
        <Field label="Email" type="email" autoComplete="email" {...form.bind('email')} />
        <Field label="Password" type="password" autoComplete="current-password" {...form.bind('password')} />
        <button type="submit" className="button button-block" disabled={form.submitting} data-testid="login-submit">
          {form.submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
