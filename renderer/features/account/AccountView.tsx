// The account: balance gauge, voucher top-up, packs to buy, what was spent, and the ledger behind it all.
import { useAppStatus } from '../../app/app-status.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { BalanceGauge } from './BalanceGauge.tsx';
import { BuyPacksSection } from './BuyPacksSection.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { SpendSection } from './SpendSection.tsx';
import { TopupForm } from './TopupForm.tsx';
import { useLedger, useSpend } from './use-account.ts';
import './account.css';

export function AccountView() {
  const i18n = useI18n();
  const status = useAppStatus();
  const ledger = useLedger();
  const spend = useSpend();
  // The app-wide balance follows events; the ledger's copy fills in before that first arrives.
  const balance = status.balance ?? ledger.data?.balance ?? null;
  const perMb = spend.data?.perMb;
  const session = status.info?.session;
  const reload = () => {
    ledger.reload();
    spend.reload();
  };

  if (status.info && !status.info.session) {
    return (
      <div className="account">
        <h1>{i18n.t('account.title')}</h1>
        <div className="card account-logged-out">
          <p>{i18n.t('account.loggedOut')}</p>
          <a className="button button-primary" href={hrefOf({ view: 'settings' })}>
            {i18n.t('account.logInInSettings')}
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="account">
      <header className="account-header">
        <h1>{i18n.t('account.title')}</h1>
        {session ? (
          <p className="muted">
            {i18n.t('account.session', { email: session.email, store: session.storeUrl })}
          </p>
        ) : null}
      </header>

      <div className="account-top">
        {balance ? (
          <BalanceGauge balance={balance} online={status.online} perMb={perMb} />
        ) : (
          <section className="card balance-card" aria-label={i18n.t('account.balance.label')}>
            <h2>{i18n.t('account.balance.title')}</h2>
            {ledger.error ? (
              <p className="muted">{i18n.t('account.balance.unknown')}</p>
            ) : (
              <Loading label={i18n.t('account.balance.loading')} />
            )}
          </section>
        )}
        <TopupForm perMb={perMb} onCredited={reload} />
      </div>

      <BuyPacksSection onCredited={reload} />

      <SpendSection spend={spend.data} error={spend.error} onRetry={spend.reload} />

      <section className="card ledger-card" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">{i18n.t('account.ledger.title')}</h2>
        {ledger.error ? <ErrorNotice error={ledger.error} onRetry={ledger.reload} /> : null}
        {!ledger.data && !ledger.error ? <Loading label={i18n.t('account.ledger.loading')} /> : null}
        {ledger.data && ledger.data.entries.length === 0 ? (
          <p className="muted">{i18n.t('account.ledger.empty')}</p>
        ) : null}
        {ledger.data && ledger.data.entries.length > 0 ? <LedgerTable entries={ledger.data.entries} /> : null}
      </section>
    </div>
  );
}
