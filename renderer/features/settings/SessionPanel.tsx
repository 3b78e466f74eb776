// The store account this app uses: who is logged in, with Log out; or a form to log in.
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { richText } from '../../components/rich-text.tsx';
import { isHttpUrl } from './settings-form-values.ts';
import { useSession } from './use-session.ts';

export function SessionPanel({
  defaultStoreUrl,
  onChanged,
}: {
  defaultStoreUrl: string;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const session = useSession(onChanged);
  const [storeUrl, setStoreUrl] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const url = storeUrl ?? defaultStoreUrl;
  const urlError = url.trim() && !isHttpUrl(url.trim()) ? i18n.t('settings.session.badUrl') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (urlError) return;
    if (await session.login({ storeUrl: url.trim(), email: email.trim(), password })) setPassword('');
  };

  // Wrong email or password comes back as UNAUTHORIZED, whose general text is about expired sessions.
  const error =
    session.error?.code === 'UNAUTHORIZED'
      ? { code: 'UNAUTHORIZED', message: i18n.t('settings.session.refused') }
      : session.error;

  return (
    <section className="card settings-section" aria-labelledby="settings-session">
      <h2 id="settings-session">{i18n.t('settings.session')}</h2>
      {!session.known ? null : session.session ? (
        <div className="session-info">
          <p>
            {richText(i18n, 'settings.session.loggedInAs', {
              email: <strong data-testid="session-email">{session.session.email}</strong>,
              store: <span className="muted">{session.session.storeUrl}</span>,
            })}
          </p>
          <button type="button" className="button" onClick={session.logout} disabled={session.busy}>
            {session.busy ? i18n.t('settings.session.loggingOut') : i18n.t('settings.session.logOut')}
          </button>
        </div>
      ) : (
        <form className="login-form" onSubmit={submit} aria-label={i18n.t('settings.session.form')}>
          <p className="muted">{i18n.t('settings.session.notLoggedIn')}</p>
          <div className="field">
            <label htmlFor="login-store">{i18n.t('settings.session.storeUrl')}</label>
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
              <label htmlFor="login-email">{i18n.t('settings.session.email')}</label>
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
              <label htmlFor="login-password">{i18n.t('settings.session.password')}</label>
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
            {session.busy ? i18n.t('settings.session.loggingIn') : i18n.t('settings.session.logIn')}
          </button>
        </form>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
