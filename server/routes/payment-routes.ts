// Pack, checkout and payment-webhook routes. The webhook keeps the raw body: signatures cover bytes.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../api/routes.ts';
import { bindRoute } from '../http/bind-route.ts';
import { checkKey } from '../orders/idempotency.ts';
import type { Store } from '../store/open-store.ts';

export function paymentRoutes(app: FastifyInstance, store: Store): void {
  const auth = (token: string) => store.sessions.authenticate(token);

  bindRoute(app, routes.packs, auth, ({ accountId }) => store.packs.view(accountId));

  bindRoute(app, routes.createCheckout, auth, ({ accountId, body, request }) => {
    const header = request.headers['idempotency-key'];
    const key = checkKey(Array.isArray(header) ? header[0] : header);
    return store.payments.createCheckout(accountId!, key, body.packId);
  });

  bindRoute(app, routes.checkout, auth, ({ accountId, params }) => store.payments.get(accountId!, params.id));

  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // Any media type, as the raw text: a provider's signature is over the exact bytes it sent.
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    bindRoute(scope, routes.paymentWebhook, auth, ({ params, request }) =>
      store.payments.handleWebhook(
        params.provider,
        typeof request.body === 'string' ? request.body : '',
        request.headers,
      ),
    );
  });
}
