// The store's HTTP application: fastify with the v1 routes, JSON errors and conservative limits.
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { frameworkErrors, installErrorHandling } from './http/error-handler.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { operatorRoutes } from './routes/operator-routes.ts';
import { type DownloadOptions, orderRoutes } from './routes/order-routes.ts';
import { paymentRoutes } from './routes/payment-routes.ts';
import { previewRoutes } from './routes/preview-routes.ts';
import { rightsRoutes } from './routes/rights-routes.ts';
import { takedownRoutes } from './routes/takedown-routes.ts';
import { testProviderRoutes } from './routes/test-provider-routes.ts';
import type { Store } from './store/open-store.ts';

export function buildApp(
  store: Store,
  opts: { logger?: boolean; logStream?: Writable; downloads?: DownloadOptions } = {},
): FastifyInstance {
  const app = Fastify({
    logger:
      opts.logger || opts.logStream
        ? { level: 'warn', ...(opts.logStream ? { stream: opts.logStream } : {}) }
        : false,
    bodyLimit: 16 * 1024,
    // Long downloads must never be cut by a whole-request timer; idle sockets still are.
    requestTimeout: 0,
    connectionTimeout: 0,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });
  installErrorHandling(app);
  catalogRoutes(app, store);
  accountRoutes(app, store);
  orderRoutes(app, store, opts.downloads);
  previewRoutes(app, store);
  paymentRoutes(app, store);
  operatorRoutes(app, store);
  rightsRoutes(app, store);
  takedownRoutes(app, store);
  testProviderRoutes(app, store, store.testProvider);
  return app;
}
