import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-error.ts';
import { TextField } from '../../../ui/field.tsx';
import { useLogin } from '../api/login.ts';

export function SignInForm({ onSignedIn, expired }: { onSignedIn: () => void; expired: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const login = useLogin();

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!username.trim()) errors['username'] = 'Enter your user name.';
    if (!password) errors['password'] = 'Enter your password.';
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate({ username: username.trim(), password }, { onSuccess: onSignedIn });
  }

  const serverFields = isApiError(login.error) ? login.error.fieldErrors : {};
  const message =
    login.error && isApiError(login.error)
      ? login.error.status === 401
        ? (login.error.detail ?? 'Wrong user name or password.')
        : login.error.userMessage
      : login.error
        ? String(login.error)
        : null;

  return (
    <form
      className="card sign-in-card"
      onSubmit={submit}
      noValidate
      aria-labelledby="sign-in-title"
    >
      <div className="card-header">
        <h1 id="sign-in-title">Sign in to Connect Master Console</h1>
      </div>
      <div className="card-body stack">
        {expired && !login.error ? (
          <div className="alert alert-info" role="status">
            Your session ended. Sign in again to continue where you were.
          </div>
        ) : null}
        {message ? (
          <div className="alert alert-error" role="alert">
            {message}
          </div>
        ) : null}
        <TextField
          label="User name"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={missing['username'] ?? serverFields['username']}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missing['password'] ?? serverFields['password']}
        />
        <button className="btn btn-primary" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
