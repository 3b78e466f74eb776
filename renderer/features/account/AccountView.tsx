// The account: balance gauge, voucher top-up, packs to buy, what was spent, and the ledger behind it all.
import { useAppStatus } from '../../app/app-status.tsx';
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
        <h1>Account</h1>
        <div className="card account-logged-out">
          <p>You are not logged in to a store. Log in to see your balance, top up and see what you spent.</p>
          <a className="button button-primary" href={hrefOf({ view: 'settings' })}>
            Log in in Settings
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="account">
      <header className="account-header">
        <h1>Account</h1>
        {session ? (
          <p className="muted">
            {session.email} at {session.storeUrl}
          </p>
        ) : null}
      </header>

      <div className="account-top">
        {balance ? (
          <BalanceGauge balance={balance} online={status.online} perMb={perMb} />
        ) : (
          <section className="card balance-card" aria-label="Account balance">
            <h2>Balance</h2>
            {ledger.error ? (
              <p className="muted">The balance is not known yet: see the ledger below.</p>
            ) : (
              <Loading label="Loading your balance…" />
            )}
          </section>
        )}
        <TopupForm perMb={perMb} onCredited={reload} />
      </div>

      <BuyPacksSection onCredited={reload} />

      <SpendSection spend={spend.data} error={spend.error} onRetry={spend.reload} />

      <section className="card ledger-card" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">Ledger history</h2>
        {ledger.error ? <ErrorNotice error={ledger.error} onRetry={ledger.reload} /> : null}
        {!ledger.data && !ledger.error ? <Loading label="Loading the ledger…" /> : null}
        {ledger.data && ledger.data.entries.length === 0 ? (
          <p className="muted">No entries yet. Top-ups and purchases are recorded here.</p>
        ) : null}
        {ledger.data && ledger.data.entries.length > 0 ? <LedgerTable entries={ledger.data.entries} /> : null}
      </section>
    </div>
  );
}
