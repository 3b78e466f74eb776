// store.*: the catalog (home, search, album, artist), encodings, price quotes and buying.
import type { SearchResult } from '../../../api/schemas/catalog.ts';
import type { AppApi } from '../../shared/app-api/contract.ts';
import type { PlacedPurchase } from '../purchases/purchase-desk.ts';
import { routes, type StoreClient } from '../store-client/store-client.ts';
import type { AppContext } from './app-context.ts';

type StoreMethods = Pick<
  AppApi,
  | 'store.home'
  | 'store.search'
  | 'store.album'
  | 'store.artist'
  | 'store.encodings'
  | 'store.quotes'
  | 'store.buy'
>;

const HOME_LIMIT = 12;

function emptySearch(q: string): SearchResult {
  const none = { items: [], nextCursor: null };
  return { query: q, artists: none, albums: none, tracks: none };
}

export function storeMethods(ctx: AppContext): StoreMethods {
  const { engine, connection } = ctx;
  /** A catalog call: works logged out too, against the configured store. */
  const catalog = <T>(call: (client: StoreClient) => Promise<T>) =>
    connection.track(async () => call(await engine.client(false)));

  return {
    'store.home': () =>
      catalog(async (client) => {
        const [newReleases, charts, genres] = await Promise.all([
          client.call(routes.newReleases, { query: { limit: HOME_LIMIT } }),
          client.call(routes.charts, { query: { limit: HOME_LIMIT } }),
          client.call(routes.genres),
        ]);
        return { newReleases: newReleases.items, charts: charts.items, genres: genres.genres };
      }),
    'store.search': async ({ q, type }) => {
      // The store refuses an empty query; the UI clears its results instead.
      if (q.trim() === '') return emptySearch(q);
      return connection.track(() => engine.search(q.trim(), type));
    },
    'store.album': ({ id }) => connection.track(() => engine.storeAlbum(id)),
    'store.artist': ({ id }) => catalog((client) => client.call(routes.artist, { params: { id } })),
    'store.encodings': async () => (await connection.track(() => engine.encodings())).encodings,
    'store.quotes': async ({ albumId, trackIds }) => {
      const table = await connection.track(() => engine.encodingTable(albumId, trackIds));
      // The engine's table leaves out the store's rate; the spend report wants it, so learn it now.
      void ctx.rates.resolve(engine);
      return table;
    },
    'store.buy': async ({ albumId, encoding, trackIds }) => {
      const seen: { placed?: PlacedPurchase } = {};
      try {
        const { purchase } = await connection.track(async () => {
          seen.placed = await engine.placePurchase(albumId, encoding, trackIds);
          // Thrown in here, so the connection monitor sees a send that failed for what it is.
          if (seen.placed.outcome !== 'ordered') throw seen.placed.error;
          return seen.placed;
        });
        return { purchaseId: purchase.id, orderId: purchase.order_id };
      } catch (error) {
        // Recorded but not yet accepted (the store went away mid-order): the runner sends it again
        // with the same Idempotency-Key, so to the user it is bought and queued, not failed.
        if (seen.placed?.outcome === 'sendLater')
          return { purchaseId: seen.placed.purchase.id, orderId: null };
        throw error;
      } finally {
        // A recorded purchase is news for the downloads list and the runner, whatever the store said.
        if (seen.placed) {
          ctx.queueChanged();
          ctx.runner.kick();
        }
      }
    },
  };
}
