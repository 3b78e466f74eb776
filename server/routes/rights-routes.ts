// Rights holders (operator), royalty statements (operator issues; each rights holder reads only its
// own with its token), and item refunds that reverse royalties.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../api/routes.ts';
import { StoreError } from '../errors/store-error.ts';
import { bindRoute, SENT } from '../http/bind-route.ts';
import { refundItem } from '../orders/item-refund.ts';
import { statementCsv, statementDsr } from '../royalties/statement-formats.ts';
import { resolvePeriod } from '../royalties/statements.ts';
import type { Store } from '../store/open-store.ts';

export function rightsRoutes(app: FastifyInstance, store: Store): void {
  const operator = async (token: string) => ((await store.operatorToken.check(token)) ? 0 : undefined);
  // 0 is the operator (every statement); a positive id is one rights holder (its own only).
  const reader = async (token: string) =>
    (await store.operatorToken.check(token)) ? 0 : store.rightsHolders.authenticate(token);

  bindRoute(app, routes.listRightsHolders, operator, async () => ({
    items: await store.rightsHolders.list(),
  }));
  bindRoute(app, routes.createRightsHolder, operator, ({ body }) => store.rightsHolders.create(body));
  bindRoute(app, routes.editRightsHolder, operator, ({ params, body }) =>
    store.rightsHolders.edit(params.id, body),
  );
  bindRoute(app, routes.assignReleases, operator, ({ params, body }) =>
    store.rightsHolders.assignReleases(params.id, body.albumIds),
  );
  bindRoute(app, routes.rightsHolderToken, operator, async ({ params }) => ({
    rightsHolderId: params.id,
    token: await store.rightsHolders.issueToken(params.id),
  }));

  bindRoute(app, routes.issueStatement, operator, ({ body }) =>
    store.statements.issue(body.rightsHolderId, resolvePeriod(body), store.rate.currency),
  );

  bindRoute(app, routes.listStatements, reader, async ({ accountId }) => ({
    items: await store.statements.list(accountId === 0 ? undefined : accountId),
  }));

  bindRoute(app, routes.statement, reader, async ({ accountId, params, query, reply }) => {
    const { statement, rightsHolderId } = await store.statements.get(params.number);
    // Another holder's statement is "not found", never "forbidden": its existence is not told either.
    if (accountId !== 0 && accountId !== rightsHolderId)
      throw new StoreError('NOT_FOUND', 404, `no statement ${params.number}`);
    if (query.format === 'json') return statement;
    const csv = query.format === 'csv';
    reply
      .code(200)
      .type(csv ? 'text/csv; charset=utf-8' : 'text/tab-separated-values; charset=utf-8')
      .header('content-disposition', `attachment; filename="${statement.number}.${csv ? 'csv' : 'tsv'}"`)
      .send(csv ? statementCsv(statement) : statementDsr(statement));
    return SENT;
  });

  bindRoute(app, routes.refundItem, operator, ({ params, body }) =>
    refundItem(
      { db: store.sql, ledger: store.ledger, royalties: store.royalties, currency: store.rate.currency },
      params.id,
      params.itemId,
      body?.reason,
    ),
  );
}
