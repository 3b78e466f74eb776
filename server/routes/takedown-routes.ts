// Takedown and territory routes: filing and reading notices (public), availability (optional
// token), and the operator's decisions, audit log, redownload setting and account countries.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routes } from '../../api/routes.ts';
import { RateLimiter } from '../accounts/rate-limiter.ts';
import { bindRoute } from '../http/bind-route.ts';
import { readerLocale, readerMessage } from '../http/error-language.ts';
import type { Store } from '../store/open-store.ts';

/** The operator is one role; the audit log names who decided from the decision's `by`. */
const OPERATOR = 'operator';

export function takedownRoutes(app: FastifyInstance, store: Store): void {
  const auth = (token: string) => store.sessions.authenticate(token);
  const operator = async (token: string) => ((await store.operatorToken.check(token)) ? 0 : undefined);
  // Every filing counts, complete or not: a notice is rare, a flood of them is abuse.
  const filings = new RateLimiter({ max: 20, windowMs: 60 * 60_000 });

  // The body is checked by the notice desk itself, so that one 400 names every missing field.
  bindRoute(app, { ...routes.fileNotice, body: z.unknown() }, auth, ({ request }) => {
    const keys = [`notice:${request.ip}`];
    filings.check(keys);
    filings.fail(keys);
    return store.takedowns.file(request.body);
  });

  bindRoute(app, routes.publicNotice, auth, ({ params }) => store.takedowns.publicView(params.id));

  bindRoute(app, routes.availability, auth, async ({ request, reply, query, accountId }) => {
    // Why an album is not on sale is read by a person: in the request's language, like errors.
    const locale = readerLocale(request, reply);
    return {
      items: await store.sale.availability(
        query.ids,
        accountId !== undefined ? { accountId } : query.country ? { country: query.country } : {},
        (facts) => readerMessage(locale, facts),
      ),
    };
  });

  bindRoute(app, routes.listNotices, operator, async () => ({ items: await store.takedowns.list() }));

  bindRoute(app, routes.decideNotice, operator, ({ params, body }) =>
    store.takedowns.decide(params.id, body),
  );

  bindRoute(app, routes.auditLog, operator, () => store.audit.list());

  bindRoute(app, routes.storeSettings, operator, ({ body }) =>
    store.redownloads.set(body.withdrawRedownloads, OPERATOR),
  );

  bindRoute(app, routes.accountCountry, operator, ({ body }) =>
    store.countries.set(body.email, body.country, OPERATOR),
  );
  bindRoute(app, routes.releaseTerritories, operator, ({ params, body }) =>
    store.countries.setRelease(params.id, body.territories, OPERATOR),
  );
}
