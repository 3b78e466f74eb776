// Order routes: create (idempotent), list, show, and download an item's file.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { routes } from '../../api/routes.ts';
import { ENCODINGS } from '../../api/schemas/encoding-catalog.ts';
import type { OrderSummary } from '../../api/schemas/orders.ts';
import { fromStoredPath } from '../db/stored-path.ts';
import { StoreError } from '../errors/store-error.ts';
import { bindRoute, SENT } from '../http/bind-route.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { createFileServer } from '../http/serve-file.ts';
import { checkKey } from '../orders/idempotency.ts';
import { fileName } from '../orders/order-view.ts';
import { waitForOrder } from '../orders/wait-for-order.ts';
import type { Store } from '../store/open-store.ts';

/** How downloads go out: see server/http/serve-file.ts. */
export interface DownloadOptions {
  /** X-Accel-Redirect mode behind nginx: the `internal` location of the store's cache folder. */
  accelRedirect?: string;
  /** Bytes of hot encoded files the store keeps in memory; 0 turns it off. */
  fileMemoryBytes?: number;
  /** The largest file kept in memory (default a quarter of fileMemoryBytes). */
  fileMemoryMaxFileBytes?: number;
}

export function orderRoutes(app: FastifyInstance, store: Store, downloads: DownloadOptions = {}): void {
  const auth = (token: string) => store.sessions.authenticate(token);
  const files = createFileServer({
    ...(downloads.accelRedirect
      ? { accel: { prefix: downloads.accelRedirect, root: store.paths.cache } }
      : {}),
    ...(downloads.fileMemoryBytes !== undefined ? { memoryBytes: downloads.fileMemoryBytes } : {}),
    ...(downloads.fileMemoryMaxFileBytes !== undefined
      ? { memoryFileBytes: downloads.fileMemoryMaxFileBytes }
      : {}),
  });
  // Stored path -> absolute path (path.resolve showed in the download profile). Bounded; paths only.
  const absolute = new Map<string, string>();
  const pathOf = (stored: string): string => {
    let path = absolute.get(stored);
    if (path === undefined) {
      if (absolute.size >= 4096) absolute.clear();
      path = fromStoredPath(store.paths.data, stored);
      absolute.set(stored, path);
    }
    return path;
  };

  bindRoute(app, routes.createOrder, auth, async ({ accountId, body, request, reply }) => {
    const header = request.headers['idempotency-key'];
    const key = checkKey(Array.isArray(header) ? header[0] : header);
    const result = await store.orders.create(accountId!, key, body);
    reply.code(result.status).send(result.body);
    return SENT;
  });

  bindRoute(app, routes.listOrders, auth, async ({ accountId, query }) => {
    const before = query.cursor
      ? (decodeCursor(query.cursor, ['number'])[0] as number)
      : Number.MAX_SAFE_INTEGER;
    const rows = await store.orderView.listRows(accountId!, before, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const items: z.infer<typeof OrderSummary>[] = page.map((o) => ({
      id: o.id,
      albumId: o.album_id,
      encoding: o.encoding,
      state: o.state,
      reservedBytes: o.reserved_bytes,
      chargedBytes: o.charged_bytes,
      createdAt: o.created_at,
      completedAt: o.completed_at,
      itemCount: o.item_count,
    }));
    const last = page.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null };
  });

  bindRoute(app, routes.order, auth, async ({ accountId, params, query, reply }) => {
    const order = await store.orderView.orderRow(accountId!, params.id);
    if (!query.waitMs || order.state !== 'processing') return store.orderView.build(order);
    // Held until an item settles, so a client learns of each encode at once without polling.
    const gone = new AbortController();
    const onClose = () => gone.abort();
    reply.raw.once('close', onClose);
    try {
      await waitForOrder(store.sql, store.orderChanges, order.id, {
        waitMs: query.waitMs,
        settled: query.settled ?? 0,
        signal: gone.signal,
        // On PostgreSQL the encoding may happen in a worker process, which cannot wake this one.
        ...(store.sql.dialect === 'postgres' ? { pollMs: 250 } : {}),
      });
    } finally {
      reply.raw.off('close', onClose);
    }
    return store.orderView.build(await store.orderView.orderRow(accountId!, params.id));
  });
  // Held long polls answer at once on shutdown, so closing the server does not wait for them.
  app.addHook('preClose', async () => store.orderChanges.close());

  bindRoute(app, routes.download, auth, async ({ accountId, params, query, request, reply }) => {
    const row = await store.orderView.downloadRow(params.itemId, params.id);
    if (accountId === undefined) {
      if (query.expires === undefined || query.sig === undefined) {
        throw new StoreError('UNAUTHORIZED', 401, 'a bearer token or a signed link is needed', {
          headers: { 'www-authenticate': 'Bearer' },
        });
      }
      store.links.verify(params.itemId, query.expires, query.sig);
    } else if (row && row.account_id !== accountId) {
      throw new StoreError('NOT_FOUND', 404, 'no such item');
    }
    if (!row) throw new StoreError('NOT_FOUND', 404, 'no such item');
    // A refunded item is no longer the buyer's: its money went back.
    if (row.reversed_at)
      throw new StoreError('REFUNDED', 410, 'this item was refunded and can no longer be downloaded');
    // Bought files of taken-down works still download, unless the operator has withdrawn that (451).
    await store.sale.assertRedownload(row.album_id, row.track_id);
    if (row.state !== 'ready' || !row.file_path || row.bytes === null || !row.sha256) {
      throw new StoreError('NOT_READY', 409, `the item is ${row.state}, not ready to download`, {
        headers: { 'retry-after': '2' },
      });
    }
    return files.serve(request, reply, {
      path: pathOf(row.file_path),
      bytes: row.bytes,
      sha256: row.sha256,
      mimeType: ENCODINGS[row.encoding].mimeType,
      fileName: fileName(row, row.disc_count, ENCODINGS[row.encoding].extension),
    });
  });
}
