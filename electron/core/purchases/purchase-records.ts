// Reads of the purchases table that need no store session: the downloads screen, the CLI's list,
// notices and the runner ask these of every purchase in the profile, whichever store it was made in.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { ProfileDb } from '../profile/open-profile.ts';

/** One row of the purchases table. */
export interface PurchaseRow {
  id: number;
  idempotency_key: string;
  album_id: number;
  album_title: string;
  artist_name: string;
  encoding: EncodingId;
  track_ids: string | null;
  high_bytes: number;
  state: 'pending' | 'ordered' | 'failed';
  order_id: string | null;
  error_code: string | null;
  error_message: string | null;
}

export function listPurchases(db: ProfileDb): PurchaseRow[] {
  return db.prepare('SELECT * FROM purchases ORDER BY id').all() as unknown as PurchaseRow[];
}

/** A purchase as the downloads screen shows it: the columns it needs, never the track list. */
export type PurchaseSummary = Pick<
  PurchaseRow,
  'id' | 'album_id' | 'album_title' | 'artist_name' | 'encoding' | 'state' | 'error_code' | 'error_message'
>;

export function listPurchaseSummaries(db: ProfileDb): PurchaseSummary[] {
  return db
    .prepare(
      `SELECT id, album_id, album_title, artist_name, encoding, state, error_code, error_message
       FROM purchases ORDER BY id`,
    )
    .all() as unknown as PurchaseSummary[];
}

export function findPurchase(db: ProfileDb, id: number): PurchaseRow | undefined {
  return db.prepare('SELECT * FROM purchases WHERE id = ?').get(id) as PurchaseRow | undefined;
}

/** The album of the latest purchase, if any: a price table the store is likely to still have. */
export function lastPurchasedAlbum(db: ProfileDb): number | null {
  const row = db.prepare('SELECT album_id FROM purchases ORDER BY id DESC LIMIT 1').get() as
    | { album_id: number }
    | undefined;
  return row ? row.album_id : null;
}

/** Whether an account has purchases recorded but not yet accepted by its store. */
export function hasPendingPurchase(db: ProfileDb, scope: { store: string; accountId: number }): boolean {
  const pending = db
    .prepare(`SELECT 1 FROM purchases WHERE state = 'pending' AND store = ? AND account_id = ? LIMIT 1`)
    .get(scope.store, scope.accountId);
  return pending !== undefined;
}
