// Whether an album (or some of its tracks) may be shown, priced, sold or downloaded again, and the
// 451 answer when not: takedowns first, then territories. Catalog, order and download routes ask here.
import type { Availability } from '../../api/schemas/rights.ts';
import type { Database } from '../db/sql/port.ts';
import { StoreError, type StoreErrorParams } from '../errors/store-error.ts';
import { redownloadsWithdrawn } from './redownload-policy.ts';
import { accountCountry, licensedIn, territoryList } from './territories.ts';

/**
 * Words a reason for the person reading it. The English text comes with the facts it names, so a
 * route can say it in the request's language (server/http/error-language.ts); by default, English.
 */
export type ReasonText = (facts: {
  code: 'TAKEN_DOWN' | 'NOT_IN_TERRITORY';
  english: string;
  params: StoreErrorParams['TAKEN_DOWN'] | StoreErrorParams['NOT_IN_TERRITORY'];
}) => string;

/** Who is asking: a signed-in account (its country counts), or anyone with an optional ?country=. */
export interface Buyer {
  accountId?: number;
  country?: string;
}

interface Takedown {
  noticeId: string;
  since: string;
  onBehalfOf: string;
}

interface AlbumFacts {
  id: number;
  title: string;
  artist: string;
  territories: string | null;
}

// The claimant's name is read from the notice's JSON body in JS: json_extract is SQLite's, and the
// body is small.
const COLUMNS = `td.notice_id AS "noticeId", td.since, n.body AS "noticeBody"`;

type TakedownRow = Omit<Takedown, 'onBehalfOf'> & { noticeBody: string };

const toTakedown = ({ noticeBody, ...td }: TakedownRow): Takedown => ({
  ...td,
  onBehalfOf: String((JSON.parse(noticeBody) as { onBehalfOf?: unknown }).onBehalfOf ?? ''),
});

const day = (iso: string) => iso.slice(0, 10);

export class SaleGate {
  readonly #db: Database;
  /** The store's address, for the Link of a 451 (known once the server listens). */
  readonly #publicUrl: () => string;

  constructor(db: Database, publicUrl: () => string) {
    this.#db = db;
    this.#publicUrl = publicUrl;
  }

  #album(albumId: number): Promise<AlbumFacts | undefined> {
    return this.#db.get<AlbumFacts>(
      `SELECT a.id, a.title, ar.name AS artist, a.territories FROM albums a
       JOIN artists ar ON ar.id = a.artist_id WHERE a.id = ?`,
      albumId,
    );
  }

  /** Tracks of the album taken down one by one, with the newest notice for each. */
  async withheldTracks(albumId: number): Promise<Map<number, Takedown>> {
    const rows = await this.#db.all<TakedownRow & { trackId: number }>(
      `SELECT t.id AS "trackId", ${COLUMNS} FROM takedowns td JOIN takedown_notices n ON n.id = td.notice_id
       JOIN tracks t ON t.id = td.track_id WHERE t.album_id = ? AND td.lifted_at IS NULL ORDER BY td.id`,
      albumId,
    );
    return new Map(rows.map(({ trackId, ...td }) => [trackId, toTakedown(td)]));
  }

  /** What keeps the whole album off sale: its own takedown, or every one of its tracks'. */
  async albumTakedown(albumId: number): Promise<Takedown | null> {
    const own = await this.#db.get<TakedownRow>(
      `SELECT ${COLUMNS} FROM takedowns td JOIN takedown_notices n ON n.id = td.notice_id
       WHERE td.album_id = ? AND td.lifted_at IS NULL ORDER BY td.id DESC LIMIT 1`,
      albumId,
    );
    if (own) return toTakedown(own);
    const withheld = await this.withheldTracks(albumId);
    if (withheld.size === 0) return null;
    const { n } = (await this.#db.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM tracks WHERE album_id = ?',
      albumId,
    ))!;
    return withheld.size >= n ? [...withheld.values()].at(-1)! : null;
  }

  #takenDownError(
    code: 'TAKEN_DOWN' | 'REDOWNLOAD_WITHDRAWN',
    message: string,
    td: Takedown,
    album?: AlbumFacts,
  ) {
    return new StoreError(code, 451, message, {
      headers: { link: `<${this.#publicUrl()}/v1/takedowns/${td.noticeId}>; rel="blocked-by"` },
      // A whole release's takedown is named in the buyer's language; a single track's keeps the
      // catalog's plain message (the English text, naming the track, goes out as detail).
      ...(album
        ? { params: { title: album.title, artist: album.artist, since: td.since, onBehalfOf: td.onBehalfOf } }
        : {}),
    });
  }

  #takenDownReason(album: AlbumFacts, td: Takedown): string {
    return `"${album.title}" by ${album.artist} is no longer sold here: it was taken down on ${day(td.since)} after a notice on behalf of ${td.onBehalfOf} (${td.noticeId})`;
  }

  async #countryOf(buyer: Buyer): Promise<string | null> {
    return buyer.accountId !== undefined
      ? accountCountry(this.#db, buyer.accountId)
      : (buyer.country ?? null);
  }

  #territoryReason(album: AlbumFacts, buyer: Buyer, country: string | null): string {
    const list = (territoryList(album.territories) ?? []).join(', ') || 'no country';
    const where =
      buyer.accountId !== undefined
        ? `your account's country is ${country}`
        : country
          ? `not in ${country}`
          : 'sign in, or ask with ?country=XX';
    return `"${album.title}" by ${album.artist} is licensed for sale only in ${list}; ${where}`;
  }

  /** The album page: 451 TAKEN_DOWN once the album is off sale (territories do not hide it). */
  async assertListed(albumId: number): Promise<void> {
    const album = await this.#album(albumId);
    const td = album && (await this.albumTakedown(albumId));
    if (album && td) throw this.#takenDownError('TAKEN_DOWN', this.#takenDownReason(album, td), td, album);
  }

  /**
   * Prices and new orders: 451 when the album is taken down or not licensed in the buyer's country,
   * or when trackIds names a taken-down track. Returns the buyer's country and the tracks to leave out.
   */
  async checkSale(
    albumId: number,
    buyer: Buyer,
    trackIds?: number[],
  ): Promise<{ country: string | null; withheld: Set<number> }> {
    const album = await this.#album(albumId);
    if (!album) throw new StoreError('NOT_FOUND', 404, `album ${albumId} not found`);
    const td = await this.albumTakedown(albumId);
    if (td) throw this.#takenDownError('TAKEN_DOWN', this.#takenDownReason(album, td), td, album);
    const country = await this.#countryOf(buyer);
    if (!licensedIn(album.territories, country)) {
      const query = `ids=${albumId}${country ? `&country=${country}` : ''}`;
      throw new StoreError('NOT_IN_TERRITORY', 451, this.#territoryReason(album, buyer, country), {
        headers: { link: `<${this.#publicUrl()}/v1/availability?${query}>; rel="blocked-by"` },
        params: {
          title: album.title,
          artist: album.artist,
          territories: territoryList(album.territories) ?? [],
          country,
        },
      });
    }
    const withheld = await this.withheldTracks(albumId);
    const asked = (trackIds ?? []).find((id) => withheld.has(id));
    if (asked !== undefined) {
      const t = withheld.get(asked)!;
      throw this.#takenDownError(
        'TAKEN_DOWN',
        `track ${asked} of "${album.title}" is no longer sold here: it was taken down on ${day(t.since)} after a notice on behalf of ${t.onBehalfOf} (${t.noticeId})`,
        t,
      );
    }
    return { country, withheld: new Set(withheld.keys()) };
  }

  /** Downloading a bought file again: refused only for taken-down works, and only if the operator says so. */
  async assertRedownload(albumId: number, trackId: number): Promise<void> {
    if (!(await redownloadsWithdrawn(this.#db))) return;
    const album = await this.#album(albumId);
    const td = (await this.albumTakedown(albumId)) ?? (await this.withheldTracks(albumId)).get(trackId);
    if (!album || !td) return;
    throw this.#takenDownError(
      'REDOWNLOAD_WITHDRAWN',
      `"${album.title}" by ${album.artist} was taken down on ${day(td.since)} (${td.noticeId}) and the store no longer serves it, not even to its owners`,
      td,
    );
  }

  /** For each album that exists: on sale, taken down or not in the buyer's territory, and why. */
  async availability(
    albumIds: number[],
    buyer: Buyer,
    say: ReasonText = ({ english }) => english,
  ): Promise<Availability[]> {
    const country = await this.#countryOf(buyer);
    const withdrawn = await redownloadsWithdrawn(this.#db);
    const out: Availability[] = [];
    for (const id of new Set(albumIds)) {
      const album = await this.#album(id);
      if (!album) continue;
      const td = await this.albumTakedown(id);
      if (td) {
        out.push({
          albumId: id,
          state: 'taken_down',
          reason: say({
            code: 'TAKEN_DOWN',
            english: this.#takenDownReason(album, td),
            params: { title: album.title, artist: album.artist, since: td.since, onBehalfOf: td.onBehalfOf },
          }),
          noticeId: td.noticeId,
          redownload: !withdrawn,
        });
      } else if (!licensedIn(album.territories, country)) {
        out.push({
          albumId: id,
          state: 'not_in_territory',
          reason: say({
            code: 'NOT_IN_TERRITORY',
            english: this.#territoryReason(album, buyer, country),
            params: {
              title: album.title,
              artist: album.artist,
              territories: territoryList(album.territories) ?? [],
              country,
            },
          }),
          noticeId: null,
          redownload: true,
        });
      } else {
        out.push({ albumId: id, state: 'on_sale', reason: null, noticeId: null, redownload: true });
      }
    }
    return out;
  }
}
