// Buying packs in tests the way a buyer does: a checkout, then the test provider's page.
import { randomUUID } from 'node:crypto';
import { TEST_CARDS } from '../../server/payments/test-provider/test-provider.ts';
import type { StoreApi } from './store-api.ts';

export { TEST_CARDS };

export async function checkout(api: StoreApi, packId: string, key: string | null = `co-${randomUUID()}`) {
  return api.post('/v1/checkouts', { packId }, key === null ? {} : { 'idempotency-key': key });
}

/** Submits the test provider's form; returns the status and the page's first heading. */
export async function submitPayment(payUrl: string, fields: Record<string, string>) {
  const res = await fetch(payUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const html = await res.text();
  return { status: res.status, heading: /<h1[^>]*>([^<]*)</.exec(html)?.[1] ?? '', html };
}

/** Checkout and pay with a card that succeeds; returns the paid checkout. */
export async function buyPack(api: StoreApi, packId: string) {
  const created = await checkout(api, packId);
  if (created.status !== 201)
    throw new Error(`checkout failed: ${created.status} ${JSON.stringify(created.body)}`);
  const paid = await submitPayment(created.body.payUrl, { card: TEST_CARDS.succeeds });
  if (paid.heading !== 'Payment complete') throw new Error(`payment failed: ${paid.heading}`);
  return (await api.get(`/v1/checkouts/${created.body.id}`)).body;
}
