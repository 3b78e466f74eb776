// Stripe behind the payment-provider port: Checkout Sessions for paying, signed webhooks for the
// outcome (Stripe-Signature: t=…,v1=…), refunds through the session's PaymentIntent.
import { StoreError } from '../errors/store-error.ts';
import type {
  CreatedPayment,
  PaymentEvent,
  PaymentProvider,
  PaymentRequest,
  WebhookRequest,
} from './payment-provider.ts';
import { headerValue } from './payment-provider.ts';
import { verifySignature } from './webhook-signature.ts';

/** Currencies Stripe counts in whole units (no cents); every other one has two decimals here. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF']);

export function toStripeAmount(micros: number, currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? micros / 1_000_000 : micros / 10_000;
}

export function fromStripeAmount(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? amount * 1_000_000 : amount * 10_000;
}

export interface StripeOptions {
  secretKey: string;
  /** Webhook signing secrets (several while rotating). */
  webhookSecrets: string[];
  /** Where Stripe sends the buyer back after paying or cancelling. */
  returnUrl: string;
  fetch?: typeof fetch;
  apiBase?: string;
}

interface StripeSession {
  id: string;
  client_reference_id?: string | null;
  amount_total?: number | null;
  currency?: string | null;
  payment_status?: string;
  payment_intent?: string | null;
  url?: string | null;
}

export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly #opts: StripeOptions;
  readonly #fetch: typeof fetch;

  constructor(opts: StripeOptions) {
    if (!opts.secretKey || opts.webhookSecrets.length === 0)
      throw new Error('Stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
    this.#opts = opts;
    this.#fetch = opts.fetch ?? fetch;
  }

  async #call(method: 'GET' | 'POST', path: string, form?: Record<string, string>, idempotencyKey?: string) {
    const response = await this.#fetch(`${this.#opts.apiBase ?? 'https://api.stripe.com'}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.#opts.secretKey}`,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const message = (body.error as { message?: string } | undefined)?.message ?? `HTTP ${response.status}`;
      throw new StoreError('PROVIDER_UNAVAILABLE', 502, `Stripe: ${message}`);
    }
    return body;
  }

  async createPayment(request: PaymentRequest): Promise<CreatedPayment> {
    const session = (await this.#call(
      'POST',
      '/v1/checkout/sessions',
      {
        mode: 'payment',
        client_reference_id: request.paymentId,
        'line_items[0][quantity]': '1',
        'line_items[0][price_data][currency]': request.currency.toLowerCase(),
        'line_items[0][price_data][unit_amount]': String(
          toStripeAmount(request.amountMicros, request.currency),
        ),
        'line_items[0][price_data][product_data][name]': request.description,
        // Stripe accepts 30 minutes to 24 hours.
        expires_at: String(
          Math.floor(Math.max(request.expiresAt.getTime(), Date.now() + 30 * 60_000 + 5_000) / 1000),
        ),
        success_url: `${this.#opts.returnUrl}?checkout=${request.paymentId}`,
        cancel_url: `${this.#opts.returnUrl}?checkout=${request.paymentId}&cancelled=1`,
      },
      request.paymentId,
    )) as unknown as StripeSession;
    if (!session.url) throw new StoreError('PROVIDER_UNAVAILABLE', 502, 'Stripe returned no payment page');
    return { providerRef: session.id, payUrl: session.url };
  }

  parseWebhook(request: WebhookRequest): PaymentEvent {
    verifySignature(
      request.rawBody,
      headerValue(request.headers, 'Stripe-Signature'),
      this.#opts.webhookSecrets,
      request.nowMs,
    );
    let event: { id?: unknown; type?: unknown; data?: { object?: StripeSession } };
    try {
      event = JSON.parse(request.rawBody);
    } catch {
      throw new StoreError('VALIDATION_FAILED', 400, 'the webhook body is not JSON');
    }
    const session = event.data?.object;
    if (
      typeof event.id !== 'string' ||
      typeof event.type !== 'string' ||
      !session ||
      typeof session.id !== 'string'
    )
      throw new StoreError('VALIDATION_FAILED', 400, 'the webhook body is not a Stripe event');
    const currency = typeof session.currency === 'string' ? session.currency.toUpperCase() : null;
    const type: PaymentEvent['type'] =
      (event.type === 'checkout.session.completed' && session.payment_status === 'paid') ||
      event.type === 'checkout.session.async_payment_succeeded'
        ? 'succeeded'
        : event.type === 'checkout.session.async_payment_failed'
          ? 'failed'
          : event.type === 'checkout.session.expired'
            ? 'expired'
            : 'ignored';
    return {
      eventId: event.id,
      type,
      paymentId: session.client_reference_id ?? null,
      providerRef: session.id,
      amountMicros:
        typeof session.amount_total === 'number' && currency
          ? fromStripeAmount(session.amount_total, currency)
          : null,
      currency,
      ...(type === 'failed' ? { reason: 'The payment did not go through.' } : {}),
    };
  }

  async refund(providerRef: string): Promise<void> {
    const session = (await this.#call(
      'GET',
      `/v1/checkout/sessions/${encodeURIComponent(providerRef)}`,
    )) as unknown as StripeSession;
    if (!session.payment_intent)
      throw new StoreError('NOT_REFUNDABLE', 409, 'Stripe has no payment for this session');
    await this.#call(
      'POST',
      '/v1/refunds',
      { payment_intent: session.payment_intent },
      `refund-${providerRef}`,
    );
  }
}

/**
 * Builds the adapter from the environment: STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET (comma-separated
 * to rotate) and STRIPE_RETURN_URL (the page Stripe sends the buyer back to).
 */
export function stripeFromEnv(env: NodeJS.ProcessEnv): StripeProvider {
  if (!env.STRIPE_RETURN_URL?.startsWith('https://'))
    throw new Error('Stripe needs STRIPE_RETURN_URL, an https address');
  return new StripeProvider({
    secretKey: env.STRIPE_SECRET_KEY ?? '',
    webhookSecrets: (env.STRIPE_WEBHOOK_SECRET ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    returnUrl: env.STRIPE_RETURN_URL,
  });
}
