// Operator-only routes: refunds, the revenue report and the ledger check. The operator token is no
// account's token, and no account's token opens these.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../api/routes.ts';
import { bindRoute, SENT } from '../http/bind-route.ts';
import { checkLedger, revenueCsv, revenueReport } from '../payments/money-books.ts';
import type { Store } from '../store/open-store.ts';

export function operatorRoutes(app: FastifyInstance, store: Store): void {
  const operator = async (token: string) => ((await store.operatorToken.check(token)) ? 0 : undefined);

  bindRoute(app, routes.refundPayment, operator, ({ params, body }) =>
    store.payments.refund(params.id, body?.reason),
  );

  bindRoute(app, routes.revenueReport, operator, async ({ query, reply }) => {
    const report = await revenueReport(store.sql, store.rate.currency, query);
    if (query.format === 'json') return report;
    reply
      .code(200)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="revenue.csv"')
      .send(revenueCsv(report));
    return SENT;
  });

  bindRoute(app, routes.ledgerCheck, operator, () => checkLedger(store.sql));
}
