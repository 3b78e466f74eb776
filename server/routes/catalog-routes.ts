// Public catalog routes: search, browse, album, artist, covers, encodings and prices.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from '../../api/openapi.ts';
import { routes } from '../../api/routes.ts';
import { ENCODING_IDS, ENCODINGS } from '../../api/schemas/encoding-catalog.ts';
import { StoreError } from '../errors/store-error.ts';
import { bindRoute, SENT } from '../http/bind-route.ts';
import { readerLocale } from '../http/error-language.ts';
import { buildPriceTable } from '../pricing/price-table.ts';
import type { Store } from '../store/open-store.ts';
import { unavailableReason } from '../transcode/unavailable-reason.ts';

export function catalogRoutes(app: FastifyInstance, store: Store): void {
  const auth = (token: string) => store.sessions.authenticate(token);
  // Built on first request, not at start: converting every schema takes ~90 ms of the store's start.
  let openapi: ReturnType<typeof buildOpenApi> | undefined;

  bindRoute(app, routes.openapi, auth, () => (openapi ??= buildOpenApi()));
  bindRoute(app, routes.search, auth, ({ query }) => store.search.search(query));
  bindRoute(app, routes.listAlbums, auth, ({ query }) => store.catalog.listAlbums(query));
  bindRoute(app, routes.newReleases, auth, ({ query }) =>
    store.catalog.listAlbums({ sort: 'new', limit: query.limit }),
  );
  bindRoute(app, routes.charts, auth, ({ query }) =>
    store.catalog.listAlbums({ sort: 'sales', limit: query.limit }),
  );
  bindRoute(app, routes.genres, auth, async () => ({ genres: await store.catalog.genres() }));
  bindRoute(app, routes.album, auth, async ({ params }) => {
    const album = await store.catalog.album(params.id);
    // A release not licensed in your country is still shown (availability says so); a takedown is not.
    await store.sale.assertListed(params.id);
    // A track taken down on its own stays listed, marked, so the buyer sees why it is not offered.
    const withheld = await store.sale.withheldTracks(params.id);
    if (withheld.size === 0) return album;
    const discs = album.discs.map((disc) => ({
      ...disc,
      tracks: disc.tracks.map((t) => (withheld.has(t.id) ? { ...t, withdrawn: true } : t)),
    }));
    return { ...album, discs };
  });
  bindRoute(app, routes.artist, auth, ({ params }) => store.catalog.artist(params.id));

  bindRoute(app, routes.cover, auth, async ({ params, reply }) => {
    const row = await store.catalog.albumRow(params.id);
    const sizes = JSON.parse(row.cover_sizes) as number[];
    if (!sizes.includes(params.size)) {
      throw new StoreError(
        'NOT_FOUND',
        404,
        `no ${params.size}px cover; sizes are ${sizes.join(', ') || 'none'}`,
      );
    }
    const path = join(store.paths.covers, String(params.id), `cover-${params.size}.jpg`);
    try {
      await access(path);
    } catch (cause) {
      throw new StoreError('NOT_FOUND', 404, 'cover image is missing', { cause });
    }
    reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=86400');
    reply.send(createReadStream(path));
    return SENT;
  });

  bindRoute(app, routes.encodings, auth, ({ request, reply }) => {
    const locale = readerLocale(request, reply);
    return {
      encodings: ENCODING_IDS.map((id) => {
        const spec = ENCODINGS[id];
        const avail = store.availability.get(id);
        return {
          id,
          label: spec.label,
          codec: spec.codec,
          container: spec.container,
          extension: spec.extension,
          mimeType: spec.mimeType,
          mode: spec.mode,
          nominalKbps: spec.nominalKbps,
          available: avail?.available ?? false,
          unavailableReason: unavailableReason(avail, locale),
        };
      }),
    };
  });

  bindRoute(app, routes.prices, auth, async ({ request, reply, params, query, accountId }) => {
    await store.catalog.albumRow(params.id);
    let tracks = await store.catalog.trackRows(params.id);
    const wanted = query.trackIds ? new Set(query.trackIds.split(',').map(Number)) : undefined;
    if (wanted) {
      tracks = tracks.filter((t) => wanted.has(t.id));
      if (tracks.length !== wanted.size) {
        throw new StoreError('BAD_REQUEST', 400, `some of trackIds are not on album ${params.id}`);
      }
    }
    // Signed in, the account's country counts; anonymous, ?country= (without it, a release licensed
    // only in some territories is 451). Taken-down tracks leave the table, or 451 if asked for by id.
    const buyer = accountId !== undefined ? { accountId } : query.country ? { country: query.country } : {};
    const { withheld } = await store.sale.checkSale(params.id, buyer, wanted && [...wanted]);
    tracks = tracks.filter((t) => !withheld.has(t.id));
    return buildPriceTable({
      db: store.sql,
      albumId: params.id,
      tracks,
      availability: store.availability,
      exact: await store.transcoder.exactSizes(tracks.map((t) => t.id)),
      rate: store.rate,
      accountId,
      locale: readerLocale(request, reply),
    });
  });
}
