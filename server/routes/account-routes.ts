// Account routes: register, log in, balance, ledger and vouchers.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../api/routes.ts';
import { toAccount } from '../accounts/sessions.ts';
import { StoreError } from '../errors/store-error.ts';
import { bindRoute } from '../http/bind-route.ts';
import type { Store } from '../store/open-store.ts';

export function accountRoutes(app: FastifyInstance, store: Store): void {
  const auth = (token: string) => store.sessions.authenticate(token);

  bindRoute(app, routes.register, auth, async ({ body, request }) => {
    // An address that is guessing passwords may not open accounts either.
    store.sessions.addressLimiter.check([request.ip]);
    const row = await store.sessions.createAccount(body.email, body.password, body.country);
    return store.sessions.issue(row);
  });

  bindRoute(app, routes.login, auth, ({ body, request }) =>
    store.sessions.login(body.email, body.password, request.ip),
  );

  bindRoute(app, routes.account, auth, async ({ accountId }) =>
    toAccount(await store.sessions.account(accountId!)),
  );

  bindRoute(app, routes.ledger, auth, ({ accountId, query }) =>
    store.ledger.page(accountId!, query.limit, query.cursor),
  );

  bindRoute(app, routes.redeemVoucher, auth, async ({ accountId, body }) => {
    const keys = [`voucher:${accountId}`];
    store.voucherLimiter.check(keys);
    try {
      return await store.vouchers.redeem(accountId!, body.code);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'NOT_FOUND') store.voucherLimiter.fail(keys);
      throw error;
    }
  });
}
