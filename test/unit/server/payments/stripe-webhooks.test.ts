// The Stripe adapter reads Stripe's signed events; signed test payloads only, no network.
import { describe, expect, it } from 'vitest';
import { StripeProvider } from '../../../../server/payments/stripe-provider.ts';
import { signatureHeader } from '../../../../server/payments/webhook-signature.ts';

const secret = 'whsec_stripe_test';
const now = 1_780_000_000_000;
const provider = new StripeProvider({
  secretKey: 'sk_test_x',
  webhookSecrets: ['whsec_old', secret],
  returnUrl: 'https://shop.example/return',
  fetch: () => {
    throw new Error('no network in this test');
  },
});

function event(type: string, object: Record<string, unknown>) {
  return JSON.stringify({
    id: `evt_${type}`,
    object: 'event',
    type,
    data: { object: { id: 'cs_test_1', ...object } },
  });
}

function parse(body: string, header = signatureHeader(body, [secret], now / 1000)) {
  return provider.parseWebhook({ rawBody: body, headers: { 'stripe-signature': header }, nowMs: now });
}

describe('Stripe webhooks', () => {
  it('reads a paid checkout session as a success, with the amount in micros', () => {
    const body = event('checkout.session.completed', {
      client_reference_id: 'pay_abc',
      amount_total: 500,
      currency: 'usd',
      payment_status: 'paid',
    });
    expect(parse(body)).toEqual({
      eventId: 'evt_checkout.session.completed',
      type: 'succeeded',
      paymentId: 'pay_abc',
      providerRef: 'cs_test_1',
      amountMicros: 5_000_000,
      currency: 'USD',
    });
  });

  it('waits for async payments, and reads failures and expiry', () => {
    const pending = event('checkout.session.completed', {
      client_reference_id: 'pay_abc',
      payment_status: 'unpaid',
    });
    expect(parse(pending).type).toBe('ignored');
    expect(
      parse(event('checkout.session.async_payment_failed', { client_reference_id: 'pay_abc' })).type,
    ).toBe('failed');
    expect(parse(event('checkout.session.expired', { client_reference_id: 'pay_abc' })).type).toBe('expired');
  });

  it('refuses a payload signed with another secret, or altered after signing', () => {
    const body = event('checkout.session.completed', {
      client_reference_id: 'pay_abc',
      amount_total: 500,
      currency: 'usd',
      payment_status: 'paid',
    });
    expect(() => parse(body, signatureHeader(body, ['whsec_attacker'], now / 1000))).toThrow(
      /does not match/,
    );
    expect(() => parse(body.replace('500', '5'), signatureHeader(body, [secret], now / 1000))).toThrow(
      /does not match/,
    );
    expect(() => parse(body, signatureHeader(body, [secret], now / 1000 - 400))).toThrow(/too old/);
  });
});
