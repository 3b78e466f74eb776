// The port a payment provider implements: create a payment page, turn its signed webhooks into
// events, refund. The built-in test provider and the Stripe adapter sit behind it.

export interface PaymentRequest {
  paymentId: string;
  amountMicros: number;
  currency: string;
  description: string;
  expiresAt: Date;
}

export interface CreatedPayment {
  /** The provider's own id for the payment (Stripe: the Checkout Session id). */
  providerRef: string;
  /** Where the buyer pays. */
  payUrl: string;
}

/** What a verified webhook says happened. */
export interface PaymentEvent {
  /** The provider's event id: the same event delivered twice credits once. */
  eventId: string;
  type: 'succeeded' | 'failed' | 'expired' | 'ignored';
  /** Our payment id, as we handed it to the provider. */
  paymentId: string | null;
  providerRef: string | null;
  amountMicros: number | null;
  currency: string | null;
  /** For failures: words for the buyer ("the card was declined"). */
  reason?: string;
}

export interface WebhookRequest {
  /** The body exactly as received: signatures cover bytes, not parsed JSON. */
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
  nowMs: number;
}

export interface PaymentProvider {
  readonly name: 'test' | 'stripe';
  createPayment(request: PaymentRequest): Promise<CreatedPayment>;
  /** Verifies the signature and reads the event; throws WEBHOOK_SIGNATURE_INVALID or VALIDATION_FAILED. */
  parseWebhook(request: WebhookRequest): PaymentEvent;
  refund(providerRef: string, amountMicros: number, currency: string): Promise<void>;
}

export function headerValue(headers: WebhookRequest['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
