// GET /v1/tracks/{id}/preview: a free, rate-limited clip, served with Range and ETag like downloads.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../api/routes.ts';
import { bindRoute } from '../http/bind-route.ts';
import { createFileServer } from '../http/serve-file.ts';
import type { Store } from '../store/open-store.ts';

export function previewRoutes(app: FastifyInstance, store: Store): void {
  const auth = (token: string) => store.sessions.authenticate(token);
  // Previews are small and hot: the memory cache keeps the popular ones off the disk.
  const files = createFileServer();
  bindRoute(app, routes.preview, auth, async ({ params, query, accountId, request, reply }) => {
    const file = await store.previews.preview(params.id, {
      ...(accountId !== undefined ? { accountId } : {}),
      ...(query.country ? { country: query.country } : {}),
      address: request.ip,
    });
    return files.serve(request, reply, file);
  });
}
