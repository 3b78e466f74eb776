// The window: navigation, the status bar (balance, offline), the current screen, and toasts.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Settings } from '../../electron/shared/app-api/domain.ts';
import type { AppClient } from '../api/app-client.ts';
import { ApiProvider, useApi } from '../app/api-context.tsx';
import { AppStatusProvider, useAppStatus } from '../app/app-status.tsx';
import { LocaleProvider, useI18n } from '../app/i18n-context.tsx';
import { hrefOf, type Route, useRoute, type ViewName } from '../app/router.ts';
import { browserTimers, type Timers, TimersProvider } from '../app/timers.tsx';
import { useEvent } from '../app/use-event.ts';
import { Loading } from '../components/Loading.tsx';
import { ToastProvider, useToasts } from '../components/Toasts.tsx';
import { LibraryView } from '../features/library/LibraryView.tsx';
import { NowPlayingBar } from '../features/player/NowPlayingBar.tsx';
import { PlayerProvider } from '../features/player/player-context.tsx';
import { StoreView } from '../features/store/StoreView.tsx';
import { SearchBox } from './SearchBox.tsx';
import { useTheme } from './use-theme.ts';

// The store and the library open at start (the store by default, the library offline); the other
// screens are chunks of their own, loaded when first shown.
const DownloadsView = lazy(() =>
  import('../features/downloads/DownloadsView.tsx').then((m) => ({ default: m.DownloadsView })),
);
const AccountView = lazy(() =>
  import('../features/account/AccountView.tsx').then((m) => ({ default: m.AccountView })),
);
const SettingsView = lazy(() =>
  import('../features/settings/SettingsView.tsx').then((m) => ({ default: m.SettingsView })),
);

const NAV: { view: ViewName; label: `shell.nav.${ViewName}`; route: Route }[] = [
  { view: 'store', label: 'shell.nav.store', route: { view: 'store', page: 'home' } },
  { view: 'downloads', label: 'shell.nav.downloads', route: { view: 'downloads' } },
  { view: 'library', label: 'shell.nav.library', route: { view: 'library', page: 'albums' } },
  { view: 'account', label: 'shell.nav.account', route: { view: 'account' } },
  { view: 'settings', label: 'shell.nav.settings', route: { view: 'settings' } },
];

export function App({ api, timers = browserTimers }: { api: AppClient; timers?: Timers }) {
  return (
    <ApiProvider api={api}>
      <TimersProvider timers={timers}>
        <LocaleProvider>
          <ToastProvider>
            <AppStatusProvider>
              <PlayerProvider>
                <Shell />
              </PlayerProvider>
            </AppStatusProvider>
          </ToastProvider>
        </LocaleProvider>
      </TimersProvider>
    </ApiProvider>
  );
}

function Shell() {
  const api = useApi();
  const route = useRoute();
  const toasts = useToasts();
  const i18n = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  useTheme(settings?.theme);

  useEffect(() => {
    api['settings.get']({}).then(setSettings, () => undefined);
  }, [api]);
  useEvent('settings', (e) => setSettings(e.settings));
  useEvent('album-filed', (e) =>
    toasts.push('success', (t) =>
      t.t('shell.toast.albumFiled', { artist: e.artistName, album: e.albumTitle, count: e.tracks }),
    ),
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {i18n.t('shell.skipLink')}
      </a>
      <nav className="sidebar" aria-label={i18n.t('shell.nav.label')}>
        <div className="brand" aria-hidden="true">
          <span className="brand-mark">◉</span> Megadisc
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.view}>
              <a
                href={hrefOf(item.route)}
                className="nav-link"
                aria-current={route.view === item.view ? 'page' : undefined}
              >
                {i18n.t(item.label)}
              </a>
            </li>
          ))}
        </ul>
        <StatusPanel />
      </nav>
      <div className="content">
        <header className="topbar">
          <SearchBox initial={route.view === 'store' && route.page === 'search' ? route.q : ''} />
          <OfflineBadge />
        </header>
        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <CurrentView route={route} />
          </Suspense>
        </main>
      </div>
      <NowPlayingBar />
    </div>
  );
}

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'store':
      return <StoreView route={route} />;
    case 'downloads':
      return <DownloadsView />;
    case 'library':
      return <LibraryView route={route} />;
    case 'account':
      return <AccountView />;
    case 'settings':
      return <SettingsView />;
  }
}

function StatusPanel() {
  const { balance, info } = useAppStatus();
  const i18n = useI18n();
  return (
    <section className="status-panel" aria-label={i18n.t('shell.status.label')}>
      <div className="status-balance">
        <span className="muted">{i18n.t('shell.status.available')}</span>
        <strong data-testid="balance-available">
          {balance ? i18n.mb(balance.availableBytes) : i18n.t('common.none')}
        </strong>
      </div>
      {balance && balance.reservedBytes > 0 ? (
        <div className="muted">
          {i18n.t('shell.status.reserved', { size: i18n.mb(balance.reservedBytes) })}
        </div>
      ) : null}
      {info?.session ? <div className="muted status-account">{info.session.email}</div> : null}
    </section>
  );
}

function OfflineBadge() {
  const { online, balance } = useAppStatus();
  const i18n = useI18n();
  if (online) return null;
  return (
    <div className="offline-badge" role="status">
      {balance ? i18n.t('shell.offline.asOf', { time: i18n.time(balance.asOf) }) : i18n.t('shell.offline')}
    </div>
  );
}
