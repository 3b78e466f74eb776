// The built-in test provider's pages, served by the store itself so the demo works offline.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { routes } from '../../api/routes.ts';
import { bindRoute, SENT } from '../http/bind-route.ts';
import type { TestProvider } from '../payments/test-provider/test-provider.ts';
import {
  cardPage,
  notFoundPage,
  outcomePage,
  PAGE_CSP,
} from '../payments/test-provider/test-provider-pages.ts';
import type { Store } from '../store.ts';

function html(reply: FastifyReply, status: number, body: string): typeof SENT {
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(body);
  return SENT;
}

export function testProviderRoutes(app: FastifyInstance, store: Store, provider: TestProvider): void {
  const auth = () => undefined;

  bindRoute(app, routes.testPaymentPage, auth, ({ params, reply }) => {
    const charge = provider.charge(params.id);
    if (!charge) return html(reply, 404, notFoundPage());
    if (charge.state === 'needs_action')
      return html(reply, 200, outcomePage({ kind: 'needs_action', charge }));
    return html(reply, 200, cardPage(charge));
  });

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    bindRoute(scope, routes.testPaymentSubmit, auth, async ({ params, request, reply }) => {
      const form = (request.body ?? {}) as Record<string, string>;
      const outcome = await provider.pay(params.id, {
        ...(typeof form.card === 'string' ? { card: form.card } : {}),
        ...(typeof form.action === 'string' ? { action: form.action } : {}),
      });
      if (!outcome) return html(reply, 404, notFoundPage());
      store.log(`test provider: ${params.id} ${outcome.kind}`);
      return html(reply, outcome.kind === 'invalid_card' ? 400 : 200, outcomePage(outcome));
    });
  });
}
