// Buying megabytes: checkouts whose Idempotency-Key is stored before the first send, so a retry after
// a lost answer gets the same checkout back; and their state, which syncs the ledger once paid.
import { type Checkout, PackId } from '../../../api/schemas/payments.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { paymentPageUrl } from '../../shared/payment-url.ts';
import type { LedgerMirror } from '../ledger/ledger-mirror.ts';
import type { ProfileDb } from '../profile/open-profile.ts';
import { newIdempotencyKey, type StoreClient } from '../store-client/store-client.ts';

interface CheckoutRow {
  id: number;
  idempotency_key: string;
  pack_id: string;
}

export class CheckoutDesk {
  readonly #db: ProfileDb;
  readonly #client: StoreClient;
  readonly #ledger: LedgerMirror;
  readonly #scope: { store: string; accountId: number };

  constructor(opts: {
    db: ProfileDb;
    client: StoreClient;
    ledger: LedgerMirror;
    scope: { store: string; accountId: number };
  }) {
    this.#db = opts.db;
    this.#client = opts.client;
    this.#ledger = opts.ledger;
    this.#scope = opts.scope;
  }

  /**
   * Starts paying for a pack. An attempt the store never answered (unreachable, 5xx, a crash) is
   * sent again with its key, so it replays; once answered, the next purchase is a new checkout.
   */
  async start(pack: string): Promise<Checkout> {
    const parsed = PackId.safeParse(pack);
    if (!parsed.success) {
      throw new MegadiscError('INVALID_ARGUMENT', `"${pack}" is not a pack: packs are sizes such as 500MB`);
    }
    const packId = parsed.data;
    const waiting = this.#unanswered(packId);
    const checkout = await this.#send(waiting ?? this.#record(packId));
    // A replay of an attempt from long ago may come back already expired or declined: the listener
    // asked to buy now, so that one is left as it is and a new checkout starts.
    if (waiting && checkout.state !== 'pending') return this.#send(this.#record(packId));
    return checkout;
  }

  /** The checkout as the store sees it; once paid (or refunded), the ledger mirror catches up. */
  async status(id: string): Promise<Checkout> {
    const checkout = this.#checked(await this.#client.getCheckout(id));
    this.#db
      .prepare(`UPDATE checkouts SET state = ?, updated_at = ? WHERE checkout_id = ? AND state <> ?`)
      .run(checkout.state, new Date().toISOString(), id, checkout.state);
    const missing =
      (checkout.state === 'paid' || checkout.state === 'refunded') &&
      !this.#ledger.hasPaymentEntry(id, checkout.state === 'paid' ? 'topup' : 'refund');
    if (missing) {
      // The answer stands even if the sync fails: the next sync brings the entry in.
      await this.#ledger.sync(this.#client).catch(() => undefined);
    }
    return checkout;
  }

  #unanswered(packId: string): CheckoutRow | undefined {
    return this.#db
      .prepare(
        `SELECT id, idempotency_key, pack_id FROM checkouts
         WHERE store = ? AND account_id = ? AND pack_id = ? AND state = 'sending' ORDER BY id DESC LIMIT 1`,
      )
      .get(this.#scope.store, this.#scope.accountId, packId) as CheckoutRow | undefined;
  }

  #record(packId: string): CheckoutRow {
    const now = new Date().toISOString();
    const key = newIdempotencyKey();
    const id = Number(
      this.#db
        .prepare(
          `INSERT INTO checkouts (store, account_id, idempotency_key, pack_id, state, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'sending', ?, ?)`,
        )
        .run(this.#scope.store, this.#scope.accountId, key, packId, now, now).lastInsertRowid,
    );
    return { id, idempotency_key: key, pack_id: packId };
  }

  async #send(row: CheckoutRow): Promise<Checkout> {
    let checkout: Checkout;
    try {
      checkout = this.#checked(await this.#client.createCheckout(row.pack_id, row.idempotency_key));
    } catch (error) {
      const e = error instanceof MegadiscError ? error : null;
      // Out of reach, a 5xx or a duplicate still in flight: the attempt stays open, key and all.
      if (!e || !(e.retryable || e.code === 'STORE_UNREACHABLE')) {
        this.#db
          .prepare(`UPDATE checkouts SET state = 'failed', error_code = ?, updated_at = ? WHERE id = ?`)
          .run(e?.code ?? 'INTERNAL', new Date().toISOString(), row.id);
      }
      throw error;
    }
    this.#db
      .prepare(`UPDATE checkouts SET checkout_id = ?, state = ?, updated_at = ? WHERE id = ?`)
      .run(checkout.id, checkout.state, new Date().toISOString(), row.id);
    return checkout;
  }

  /** A payment page the app would not open (not https, not on this computer) is the store's fault. */
  #checked(checkout: Checkout): Checkout {
    if (checkout.payUrl === null) return checkout;
    const payUrl = paymentPageUrl(checkout.payUrl, `${this.#client.baseUrl}/`);
    if (!payUrl) {
      throw new MegadiscError(
        'BAD_RESPONSE',
        `the store sent a payment page that is neither https nor on this computer: ${checkout.payUrl}`,
      );
    }
    return { ...checkout, payUrl };
  }
}
