// The built-in test payment provider: works offline, keeps its own charges, takes test cards on its
// own page and tells the store by webhooks signed the way Stripe signs them.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/sql/port.ts';
import { StoreError } from '../../errors/store-error.ts';
import type {
  CreatedPayment,
  PaymentEvent,
  PaymentProvider,
  PaymentRequest,
  WebhookRequest,
} from '../payment-provider.ts';
import { headerValue } from '../payment-provider.ts';
import { signatureHeader, verifySignature } from '../webhook-signature.ts';

export const TEST_CARDS = {
  succeeds: '4242424242424242',
  declines: '4000000000000002',
  needsAuthentication: '4000002760003184',
} as const;

export const TEST_SIGNATURE_HEADER = 'Megadisc-Signature';

export interface ChargeRow {
  ref: string;
  payment_id: string;
  amount_micros: number;
  currency: string;
  description: string;
  expires_at: string;
  state: 'open' | 'needs_action' | 'succeeded' | 'declined' | 'refunded';
  card_last4: string | null;
}

interface TestEventBody {
  id: string;
  type: 'payment.succeeded' | 'payment.failed';
  data: { payment_id: string; ref: string; amount_micros: number; currency: string; reason?: string };
}

export interface TestProviderOptions {
  db: Database;
  /** The store's own address, known once it listens: the page and the webhook live there. */
  baseUrl: () => string;
  now?: () => number;
  log?: (message: string) => void;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why the test provider declined: the decline card, or the 3-D Secure step failed. */
export type DeclineWhy = 'card' | 'authentication';

const DECLINE_REASONS: Record<DeclineWhy, string> = {
  card: 'The card was declined.',
  authentication: 'The bank could not authenticate this payment.',
};

export type PayOutcome =
  | { kind: 'succeeded'; charge: ChargeRow; delivered: boolean }
  /** `reason` goes to the store in English (it is recorded); `why` picks the page's words. */
  | { kind: 'declined'; charge: ChargeRow; reason: string; why: DeclineWhy; delivered: boolean }
  | { kind: 'needs_action'; charge: ChargeRow }
  | { kind: 'invalid_card'; charge: ChargeRow }
  | { kind: 'closed'; charge: ChargeRow; why: 'expired' | 'paid' | 'declined' | 'refunded' };

export class TestProvider implements PaymentProvider {
  readonly name = 'test' as const;
  readonly #db: Database;
  readonly #baseUrl: () => string;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  /** The webhook signing secret, made on first start and kept in the store's meta table. */
  readonly secret: string;

  /** Opens the provider, with the webhook secret kept in the store (made on first start). */
  static async open(opts: TestProviderOptions): Promise<TestProvider> {
    await opts.db.run(
      `INSERT INTO meta (key, value) VALUES ('test_provider_secret', ?) ON CONFLICT (key) DO NOTHING`,
      `whsec_${randomBytes(24).toString('hex')}`,
    );
    const stored = await opts.db.get<{ value: string }>(
      `SELECT value FROM meta WHERE key = 'test_provider_secret'`,
    );
    return new TestProvider(opts, stored!.value);
  }

  private constructor(opts: TestProviderOptions, secret: string) {
    this.#db = opts.db;
    this.#baseUrl = opts.baseUrl;
    this.#now = opts.now ?? Date.now;
    this.#log = opts.log ?? (() => {});
    this.secret = secret;
  }

  async createPayment(request: PaymentRequest): Promise<CreatedPayment> {
    const ref = `tp_${randomBytes(12).toString('hex')}`;
    await this.#db.run(
      `INSERT INTO test_provider_charges (ref, payment_id, amount_micros, currency, description, expires_at, state, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
      ref,
      request.paymentId,
      request.amountMicros,
      request.currency,
      request.description,
      request.expiresAt.toISOString(),
      new Date(this.#now()).toISOString(),
    );
    return { providerRef: ref, payUrl: `${this.#baseUrl()}/test-provider/pay/${request.paymentId}` };
  }

  parseWebhook(request: WebhookRequest): PaymentEvent {
    verifySignature(
      request.rawBody,
      headerValue(request.headers, TEST_SIGNATURE_HEADER),
      [this.secret],
      request.nowMs,
    );
    let body: TestEventBody;
    try {
      body = JSON.parse(request.rawBody) as TestEventBody;
    } catch {
      throw new StoreError('VALIDATION_FAILED', 400, 'the webhook body is not JSON');
    }
    if (typeof body?.id !== 'string' || typeof body.data?.payment_id !== 'string')
      throw new StoreError('VALIDATION_FAILED', 400, 'the webhook body is not a test provider event');
    return {
      eventId: body.id,
      type:
        body.type === 'payment.succeeded'
          ? 'succeeded'
          : body.type === 'payment.failed'
            ? 'failed'
            : 'ignored',
      paymentId: body.data.payment_id,
      providerRef: body.data.ref ?? null,
      amountMicros: Number.isSafeInteger(body.data.amount_micros) ? body.data.amount_micros : null,
      currency: typeof body.data.currency === 'string' ? body.data.currency : null,
      ...(body.data.reason ? { reason: String(body.data.reason).slice(0, 200) } : {}),
    };
  }

  async refund(providerRef: string): Promise<void> {
    const done = await this.#db.run(
      `UPDATE test_provider_charges SET state = 'refunded', updated_at = ? WHERE ref = ? AND state = 'succeeded'`,
      new Date(this.#now()).toISOString(),
      providerRef,
    );
    if (done.changes !== 1)
      throw new StoreError('NOT_REFUNDABLE', 409, 'the test provider has no succeeded charge to refund');
  }

  charge(paymentId: string): Promise<ChargeRow | undefined> {
    return this.#db.get<ChargeRow>('SELECT * FROM test_provider_charges WHERE payment_id = ?', paymentId);
  }

  /** The buyer submitted the card form (card) or the authentication step (action). */
  async pay(paymentId: string, input: { card?: string; action?: string }): Promise<PayOutcome | undefined> {
    const charge = await this.charge(paymentId);
    if (!charge) return undefined;
    const closed = this.#closedReason(charge);
    if (closed) return { kind: 'closed', charge, why: closed };
    if (input.action !== undefined) {
      if (charge.state !== 'needs_action') return { kind: 'invalid_card', charge };
      return input.action === 'complete' ? this.#succeed(charge) : this.#decline(charge, 'authentication');
    }
    const digits = (input.card ?? '').replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) return { kind: 'invalid_card', charge };
    await this.#update(charge, charge.state, digits.slice(-4));
    if (digits === TEST_CARDS.declines) return this.#decline(charge, 'card');
    if (digits === TEST_CARDS.needsAuthentication) {
      await this.#update(charge, 'needs_action', digits.slice(-4));
      return { kind: 'needs_action', charge: (await this.charge(paymentId))! };
    }
    return this.#succeed(charge);
  }

  #closedReason(charge: ChargeRow): 'expired' | 'paid' | 'declined' | 'refunded' | undefined {
    if (charge.state === 'succeeded') return 'paid';
    if (charge.state === 'declined') return 'declined';
    if (charge.state === 'refunded') return 'refunded';
    return Date.parse(charge.expires_at) <= this.#now() ? 'expired' : undefined;
  }

  async #update(charge: ChargeRow, state: ChargeRow['state'], last4: string | null): Promise<void> {
    await this.#db.run(
      'UPDATE test_provider_charges SET state = ?, card_last4 = COALESCE(?, card_last4), updated_at = ? WHERE ref = ?',
      state,
      last4,
      new Date(this.#now()).toISOString(),
      charge.ref,
    );
  }

  async #succeed(charge: ChargeRow): Promise<PayOutcome> {
    await this.#update(charge, 'succeeded', null);
    const delivered = await this.#deliver(this.event(charge, 'payment.succeeded'));
    return { kind: 'succeeded', charge: (await this.charge(charge.payment_id))!, delivered };
  }

  async #decline(charge: ChargeRow, why: DeclineWhy): Promise<PayOutcome> {
    const reason = DECLINE_REASONS[why];
    await this.#update(charge, 'declined', null);
    const delivered = await this.#deliver(this.event(charge, 'payment.failed', reason));
    return { kind: 'declined', charge: (await this.charge(charge.payment_id))!, reason, why, delivered };
  }

  /** The event body for a charge; tests sign and replay these too. */
  event(charge: ChargeRow, type: TestEventBody['type'], reason?: string): string {
    const body: TestEventBody = {
      id: `evt_${randomBytes(12).toString('hex')}`,
      type,
      data: {
        payment_id: charge.payment_id,
        ref: charge.ref,
        amount_micros: charge.amount_micros,
        currency: charge.currency,
        ...(reason ? { reason } : {}),
      },
    };
    return JSON.stringify(body);
  }

  sign(body: string, timestampS = Math.floor(this.#now() / 1000)): string {
    return signatureHeader(body, [this.secret], timestampS);
  }

  /** Posts the event to the store's webhook, retrying a few times as real providers do. */
  async #deliver(body: string): Promise<boolean> {
    const url = `${this.#baseUrl()}/v1/payments/webhooks/test`;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TEST_SIGNATURE_HEADER]: this.sign(body) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.ok) return true;
        this.#log(`test provider: webhook answered ${response.status}`);
        if (response.status < 500) return false;
      } catch (error) {
        this.#log(`test provider: webhook delivery failed: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
    return false;
  }
}
