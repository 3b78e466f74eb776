// The built-in test provider's pages, served by the store itself so the demo works offline.
// The pages speak the buyer's language (Accept-Language of the payment window or browser).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../api/routes.ts';
import { type Translator, translator } from '../../i18n/index.ts';
import { bindRoute, SENT } from '../http/bind-route.ts';
import { languageHeaders, requestLocale } from '../http/error-language.ts';
import type { TestProvider } from '../payments/test-provider/test-provider.ts';
import {
  cardPage,
  notFoundPage,
  outcomePage,
  PAGE_CSP,
} from '../payments/test-provider/test-provider-pages.ts';
import type { Store } from '../store/open-store.ts';

function html(reply: FastifyReply, t: Translator, status: number, body: string): typeof SENT {
  languageHeaders(reply, t.locale);
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
  const words = (request: FastifyRequest) => translator(requestLocale(request));

  bindRoute(app, routes.testPaymentPage, auth, async ({ params, request, reply }) => {
    const t = words(request);
    const charge = await provider.charge(params.id);
    if (!charge) return html(reply, t, 404, notFoundPage(t));
    if (charge.state === 'needs_action')
      return html(reply, t, 200, outcomePage({ kind: 'needs_action', charge }, t));
    return html(reply, t, 200, cardPage(charge, t));
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
      const t = words(request);
      if (!outcome) return html(reply, t, 404, notFoundPage(t));
      store.log(`test provider: ${params.id} ${outcome.kind}`);
      return html(reply, t, outcome.kind === 'invalid_card' ? 400 : 200, outcomePage(outcome, t));
    });
  });
}
