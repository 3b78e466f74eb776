// The store account this app uses: who is logged in, with Log out; or a form to log in.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { isHttpUrl } from './settings-form-values.ts';
import { useSession } from './use-session.ts';

export function SessionPanel({
  defaultStoreUrl,
  onChanged,
}: {
  defaultStoreUrl: string;
  onChanged: () => void;
}) {
  const session = useSession(onChanged);
  const [storeUrl, setStoreUrl] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const url = storeUrl ?? defaultStoreUrl;
  const urlError =
    url.trim() && !isHttpUrl(url.trim()) ? 'Enter an address starting with http:// or https://.' : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (urlError) return;
    if (await session.login({ storeUrl: url.trim(), email: email.trim(), password })) setPassword('');
  };

  // Wrong email or password comes back as UNAUTHORIZED, whose general text is about expired sessions.
  const error =
    session.error?.code === 'UNAUTHORIZED'
      ? { code: 'UNAUTHORIZED', message: 'The store did not accept that email and password.' }
      : session.error;

  return (
    <section className="card settings-section" aria-labelledby="settings-session">
      <h2 id="settings-session">Store account</h2>
      {!session.known ? null : session.session ? (
        <div className="session-info">
          <p>
            Logged in as <strong data-testid="session-email">{session.session.email}</strong>
            <span className="muted"> at {session.session.storeUrl}</span>
          </p>
          <button type="button" className="button" onClick={session.logout} disabled={session.busy}>
            {session.busy ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      ) : (
        <form className="login-form" onSubmit={submit} aria-label="Log in to a store">
          <p className="muted">Not logged in. Log in to buy music and see your balance.</p>
          <div className="field">
            <label htmlFor="login-store">Store address</label>
            <input
              id="login-store"
              type="url"
              required
              value={url}
              spellCheck={false}
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? 'login-store-error' : undefined}
              onChange={(e) => setStoreUrl(e.target.value)}
            />
            {urlError ? (
              <span id="login-store-error" className="field-error">
                {urlError}
              </span>
            ) : null}
          </div>
          <div className="field-grid">
            <div className="field">
              <label htmlFor="login-email">Email</label>
              <input
                id="login-email"
                type="email"
                required
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">Password</label>
              <input
                id="login-password"
                type="password"
                required
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={session.busy || !url.trim() || !email.trim() || !password || urlError !== null}
          >
            {session.busy ? 'Logging in…' : 'Log in'}
          </button>
        </form>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
