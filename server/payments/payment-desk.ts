// Checkouts for packs: a pending payment with a provider, credited only by the provider's verified
// webhook, expired when abandoned, refunded by the operator while unspent.
import { randomBytes } from 'node:crypto';
import type { Checkout, CheckoutState, PackQuote, Refund, WebhookAck } from '../../api/schemas/payments.ts';
import type { Ledger } from '../accounts/ledger.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import type { Rate } from '../pricing/money.ts';
import { money } from '../pricing/money.ts';
import { loyaltyBasisPoints, quotePack } from '../pricing/pack-quote.ts';
import type { PackTable } from '../pricing/pack-table.ts';
import type { PaymentEvent, PaymentProvider } from './payment-provider.ts';

export const DEFAULT_CHECKOUT_TTL_MS = 30 * 60_000;
/** A checkout row without a provider reference this old belongs to a request that died. */
const STALE_CREATION_MS = 60_000;

export interface PaymentRow {
  seq: number;
  id: string;
  account_id: number;
  idempotency_key: string;
  provider: string;
  provider_ref: string | null;
  pay_url: string | null;
  pack_id: string;
  bytes: number;
  currency: string;
  amount_micros: number;
  volume_discount_micros: number;
  loyalty_discount_micros: number;
  quote: string;
  state: CheckoutState;
  failure: string | null;
  created_at: string;
  expires_at: string;
  paid_at: string | null;
  refunded_at: string | null;
}

export interface PaymentDeskOptions {
  db: Database;
  ledger: Ledger;
  packs: PackTable;
  rate: Rate;
  providers: PaymentProvider[];
  /** The provider new checkouts use; default the first. */
  provider?: string;
  now?: () => number;
  checkoutTtlMs?: number;
  log?: (message: string) => void;
}

export class PaymentDesk {
  readonly #db: Database;
  readonly #ledger: Ledger;
  readonly #packs: PackTable;
  readonly #rate: Rate;
  readonly #providers: Map<string, PaymentProvider>;
  readonly #provider: PaymentProvider;
  readonly #now: () => number;
  readonly #ttl: number;
  readonly #log: (message: string) => void;

  constructor(opts: PaymentDeskOptions) {
    this.#db = opts.db;
    this.#ledger = opts.ledger;
    this.#packs = opts.packs;
    this.#rate = opts.rate;
    this.#providers = new Map(opts.providers.map((p) => [p.name, p]));
    const chosen = this.#providers.get(opts.provider ?? opts.providers[0]?.name ?? '');
    if (!chosen) throw new Error(`unknown payment provider ${opts.provider}`);
    this.#provider = chosen;
    this.#now = opts.now ?? Date.now;
    this.#ttl = opts.checkoutTtlMs ?? DEFAULT_CHECKOUT_TTL_MS;
    this.#log = opts.log ?? (() => {});
  }

  provider(name: string): PaymentProvider | undefined {
    return this.#providers.get(name);
  }

  #iso(ms = this.#now()): string {
    return new Date(ms).toISOString();
  }

  #byKey(accountId: number, key: string): Promise<PaymentRow | undefined> {
    return this.#db.get<PaymentRow>(
      'SELECT * FROM payments WHERE account_id = ? AND idempotency_key = ?',
      accountId,
      key,
    );
  }

  #byId(id: string, q: Sql = this.#db): Promise<PaymentRow | undefined> {
    return q.get<PaymentRow>('SELECT * FROM payments WHERE id = ?', id);
  }

  /**
   * Starts a checkout. The same Idempotency-Key returns the same checkout (one payment, however
   * often the client retries); the same key for another pack is refused.
   */
  async createCheckout(accountId: number, key: string, packId: string): Promise<Checkout> {
    await this.expireDue();
    const existing = await this.#byKey(accountId, key);
    if (existing) return this.#replay(existing, packId);
    const pack = await this.#packs.pack(packId);
    const id = `pay_${randomBytes(12).toString('hex')}`;
    const createdAt = this.#now();
    const expiresAt = createdAt + this.#ttl;
    let quote: PackQuote;
    try {
      quote = await this.#db.tx(async (tx) => {
        const bp = loyaltyBasisPoints(
          await this.#packs.tiers(tx),
          await this.#packs.lifetimeSpent(accountId, tx),
        );
        const q = quotePack(pack, this.#rate, bp);
        const discount = (kind: 'volume' | 'loyalty') =>
          q.discounts.find((d) => d.kind === kind)?.amount.micros ?? 0;
        await tx.run(
          `INSERT INTO payments (id, account_id, idempotency_key, provider, pack_id, bytes, currency, amount_micros,
               volume_discount_micros, loyalty_discount_micros, quote, state, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
          id,
          accountId,
          key,
          this.#provider.name,
          pack.id,
          pack.bytes,
          this.#rate.currency,
          q.price.micros,
          discount('volume'),
          discount('loyalty'),
          JSON.stringify(q),
          this.#iso(createdAt),
          this.#iso(expiresAt),
        );
        return q;
      });
    } catch (error) {
      // Two requests with one key raced: the loser answers with the winner's checkout.
      const raced = await this.#byKey(accountId, key);
      if (raced) return this.#replay(raced, packId);
      throw error;
    }
    try {
      const created = await this.#provider.createPayment({
        paymentId: id,
        amountMicros: quote.price.micros,
        currency: this.#rate.currency,
        description: `Megadisc: ${quote.megabytes} MB`,
        expiresAt: new Date(expiresAt),
      });
      await this.#db.run(
        'UPDATE payments SET provider_ref = ?, pay_url = ? WHERE id = ?',
        created.providerRef,
        created.payUrl,
        id,
      );
    } catch (error) {
      // No half state: without the provider's payment there is nothing to pay, so the row goes.
      await this.#db.run('DELETE FROM payments WHERE id = ? AND provider_ref IS NULL', id);
      this.#log(`checkout ${id}: provider ${this.#provider.name} failed: ${(error as Error).message}`);
      throw new StoreError(
        'PROVIDER_UNAVAILABLE',
        502,
        'the payment provider could not be reached; try again',
        {
          cause: error,
        },
      );
    }
    return this.view((await this.#byId(id))!);
  }

  async #replay(row: PaymentRow, packId: string): Promise<Checkout> {
    if (row.pack_id !== packId)
      throw new StoreError('IDEMPOTENCY_KEY_REUSED', 422, 'this Idempotency-Key was used for another pack');
    if (row.provider_ref === null) {
      if (this.#now() - Date.parse(row.created_at) > STALE_CREATION_MS)
        await this.#db.run('DELETE FROM payments WHERE id = ? AND provider_ref IS NULL', row.id);
      throw new StoreError(
        'IDEMPOTENCY_IN_PROGRESS',
        409,
        'this checkout is still being created; retry shortly',
        {
          headers: { 'retry-after': '1' },
        },
      );
    }
    return this.view(row);
  }

  /** The account's own checkout; another account's is "not found", never shown. */
  async get(accountId: number, id: string): Promise<Checkout> {
    await this.expireDue();
    const row = await this.#byId(id);
    if (!row || row.account_id !== accountId) throw new StoreError('NOT_FOUND', 404, 'no such checkout');
    return this.view(row);
  }

  /** Pending checkouts past their time become expired: no credit, nothing left half done. */
  async expireDue(): Promise<number> {
    const expired = await this.#db.run(
      `UPDATE payments SET state = 'expired', failure = 'The checkout expired before it was paid.'
       WHERE state = 'pending' AND expires_at <= ?`,
      this.#iso(),
    );
    return expired.changes;
  }

  view(row: PaymentRow): Checkout {
    const quote = JSON.parse(row.quote) as PackQuote;
    return {
      id: row.id,
      state: row.state,
      provider: row.provider,
      packId: row.pack_id,
      bytes: row.bytes,
      quote,
      amount: money(row.amount_micros, row.currency),
      payUrl: row.state === 'pending' ? row.pay_url : null,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      paidAt: row.paid_at,
      creditedBytes: row.state === 'paid' ? row.bytes : 0,
      failure: row.failure,
    };
  }

  async #reject(provider: string, reason: string): Promise<void> {
    await this.#db.run(
      'INSERT INTO webhook_rejections (provider, reason, received_at) VALUES (?, ?, ?)',
      provider,
      reason.slice(0, 500),
      this.#iso(),
    );
    this.#log(`webhook from ${provider} refused: ${reason}`);
  }

  /** A provider's webhook. Only a verified event for a known payment, seen for the first time, changes anything. */
  async handleWebhook(
    providerName: string,
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<WebhookAck> {
    const provider = this.#providers.get(providerName);
    if (!provider)
      throw new StoreError('NOT_FOUND', 404, `no payment provider ${providerName} is configured`);
    let event: PaymentEvent;
    try {
      event = provider.parseWebhook({ rawBody, headers, nowMs: this.#now() });
    } catch (error) {
      await this.#reject(providerName, (error as Error).message);
      throw error;
    }
    const row = event.paymentId ? await this.#byId(event.paymentId) : undefined;
    if (
      !row ||
      row.provider !== providerName ||
      (event.providerRef && row.provider_ref !== event.providerRef)
    ) {
      if (event.type === 'ignored') return { received: true, duplicate: false };
      await this.#reject(
        providerName,
        `event ${event.eventId} names an unknown payment ${event.paymentId ?? '(none)'}`,
      );
      throw new StoreError('NOT_FOUND', 404, 'the webhook names an unknown payment');
    }
    if (
      event.type === 'succeeded' &&
      (event.amountMicros !== row.amount_micros || event.currency !== row.currency)
    ) {
      await this.#reject(
        providerName,
        `event ${event.eventId}: amount ${event.amountMicros} ${event.currency} does not match ${row.id}`,
      );
      throw new StoreError('VALIDATION_FAILED', 400, 'the amount paid does not match the checkout');
    }
    return this.#db.tx(async (q) => {
      const fresh = await q.run(
        `INSERT INTO webhook_events (provider, event_id, payment_id, type, outcome, received_at)
         VALUES (?, ?, ?, ?, 'seen', ?) ON CONFLICT DO NOTHING`,
        providerName,
        event.eventId,
        row.id,
        event.type,
        this.#iso(),
      );
      if (fresh.changes === 0) return { received: true as const, duplicate: true };
      const outcome = await this.#apply(q, (await this.#byId(row.id, q))!, event);
      await q.run(
        'UPDATE webhook_events SET outcome = ? WHERE provider = ? AND event_id = ?',
        outcome,
        providerName,
        event.eventId,
      );
      return { received: true as const, duplicate: false };
    });
  }

  async #apply(q: Sql, row: PaymentRow, event: PaymentEvent): Promise<string> {
    const now = this.#iso();
    if (event.type === 'succeeded') {
      // Money received is credited even after a decline or expiry: keeping it without the megabytes would be worse.
      if (row.state === 'paid' || row.state === 'refunded') return 'already_paid';
      if (row.state !== 'pending')
        this.#log(`payment ${row.id} was ${row.state}; the money arrived, crediting it`);
      await q.run(
        `UPDATE payments SET state = 'paid', paid_at = ?, failure = NULL WHERE id = ?`,
        now,
        row.id,
      );
      await this.#ledger.apply(q, {
        accountId: row.account_id,
        kind: 'topup',
        amountBytes: row.bytes,
        reservedDeltaBytes: 0,
        note: `pack ${row.pack_id}`,
        funding: {
          source: 'payment',
          moneyMicros: row.amount_micros,
          currency: row.currency,
          paymentId: row.id,
        },
      });
      return 'credited';
    }
    if (event.type === 'failed' || event.type === 'expired') {
      if (row.state !== 'pending') return `ignored_${row.state}`;
      const state = event.type === 'failed' ? 'declined' : 'expired';
      const failure =
        event.reason ??
        (state === 'declined' ? 'The payment was declined.' : 'The checkout expired before it was paid.');
      await q.run('UPDATE payments SET state = ?, failure = ? WHERE id = ?', state, failure, row.id);
      return state;
    }
    return 'ignored';
  }

  /** Operator: gives back a paid pack that is not yet spent; its megabytes leave the balance. */
  async refund(paymentId: string, reason?: string): Promise<Refund> {
    const row = await this.#byId(paymentId);
    if (!row) throw new StoreError('NOT_FOUND', 404, 'no such payment');
    const entry = await this.#db.tx(async (q) => {
      const current = (await this.#byId(paymentId, q))!;
      if (current.state !== 'paid')
        throw new StoreError(
          'NOT_REFUNDABLE',
          409,
          `only a paid checkout can be refunded; this one is ${current.state}`,
        );
      const lot = await this.#ledger.lots.ofPayment(q, paymentId);
      if (!lot) throw new StoreError('INTERNAL', 500, `payment ${paymentId} has no lot`);
      if (lot.consumed_bytes > 0 || lot.refunded_bytes > 0)
        throw new StoreError(
          'NOT_REFUNDABLE',
          409,
          `${lot.consumed_bytes} of this pack's ${lot.bytes} bytes are already spent; only an unspent pack can be refunded`,
        );
      const account = (await q.get<{ balance_bytes: number; reserved_bytes: number }>(
        'SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?',
        current.account_id,
      ))!;
      const available = account.balance_bytes - account.reserved_bytes;
      if (available < lot.bytes)
        throw new StoreError(
          'REFUND_EXCEEDS_BALANCE',
          409,
          `the account has ${available} bytes available (the rest is held by orders in progress); refunding ${lot.bytes} would take it below zero`,
        );
      const applied = await this.#ledger.apply(q, {
        accountId: current.account_id,
        kind: 'refund',
        amountBytes: -lot.bytes,
        reservedDeltaBytes: 0,
        refundLot: lot,
        note: reason ? `refund: ${reason}` : 'refund',
      });
      await q.run(
        `UPDATE payments SET state = 'refunded', refunded_at = ? WHERE id = ?`,
        applied.createdAt,
        paymentId,
      );
      return applied;
    });
    try {
      await this.#providers
        .get(row.provider)
        ?.refund(row.provider_ref ?? '', row.amount_micros, row.currency);
    } catch (error) {
      // The megabytes are already gone from the balance; the operator must settle the money by hand.
      this.#log(
        `refund of ${paymentId}: the provider failed (${(error as Error).message}); refund the money by hand`,
      );
      throw new StoreError(
        'PROVIDER_UNAVAILABLE',
        502,
        "the refund is recorded but the provider did not confirm it; refund the money in the provider's dashboard",
        { cause: error },
      );
    }
    return {
      paymentId,
      refundedBytes: row.bytes,
      amount: money(row.amount_micros, row.currency),
      balanceAfterBytes: entry.balanceAfterBytes,
      createdAt: entry.createdAt,
    };
  }
}
