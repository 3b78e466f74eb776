// account.*: balance and ledger from the local mirror (synced when the store answers), vouchers,
// packs and their checkouts, spend.
import type { AppApi } from '../../shared/app-api/contract.ts';
import type { BalanceView } from '../../shared/app-api/domain.ts';
import { MegadiscError } from '../../shared/errors.ts';
import type { AppContext } from './app-context.ts';
import { spendReport } from './spend-report.ts';

type AccountMethods = Pick<
  AppApi,
  | 'account.balance'
  | 'account.ledger'
  | 'account.topup'
  | 'account.packs'
  | 'account.checkout'
  | 'account.checkoutStatus'
  | 'account.spend'
>;

const offlineReason = (balance: BalanceView) =>
  balance.offline ? `cannot reach the store; showing the balance as of ${balance.asOf}` : null;

export function accountMethods(ctx: AppContext): AccountMethods {
  const { engine, connection } = ctx;
  const balance = () => connection.track(() => engine.balance(), offlineReason);
  return {
    'account.balance': balance,
    'account.ledger': () =>
      connection.track(
        () => engine.ledgerEntries(),
        (r) => offlineReason(r.balance),
      ),
    'account.topup': async ({ code }) => {
      const result = await connection.track(() => engine.topup(code));
      await ctx.demo?.refreshVouchers().catch(() => undefined);
      return result;
    },
    'account.packs': () => connection.track(() => engine.packs()),
    'account.checkout': async ({ packId }) => {
      const checkout = await connection.track(() => engine.checkout(packId));
      ctx.paymentPages.note(checkout);
      return checkout;
    },
    'account.checkoutStatus': async ({ id }) => {
      const checkout = await connection.track(() => engine.checkoutStatus(id));
      ctx.paymentPages.note(checkout);
      return checkout;
    },
    'account.spend': async () => {
      const session = await engine.whoami();
      if (!session) throw new MegadiscError('NOT_LOGGED_IN', 'log in to a store to see what you spent');
      // Bring the mirror up to date when the store answers; offline, the report uses what is stored.
      await balance().catch(() => undefined);
      const perMb = await ctx.rates.resolve(engine);
      return spendReport(engine.db, { store: session.storeUrl, accountId: session.accountId }, perMb);
    },
  };
}
