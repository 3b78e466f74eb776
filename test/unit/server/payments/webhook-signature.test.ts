import { describe, expect, it } from 'vitest';
import {
  signatureHeader,
  signPayload,
  verifySignature,
} from '../../../../server/payments/webhook-signature.ts';

const body = '{"id":"evt_1","type":"payment.succeeded"}';
const secret = 'whsec_test';
const t = 1_780_000_000;

describe('webhook signatures', () => {
  it('signs t.body with HMAC-SHA256 the way Stripe does', () => {
    // Reference value computed independently: printf '%s' "1780000000.$body" | openssl dgst -sha256 -hmac whsec_test
    expect(signPayload(body, secret, t)).toBe(
      '410d950188e492f6a7d2d24d21cffae66187f19ea996b045b8d79f5eae957c7f',
    );
    expect(signatureHeader(body, [secret], t)).toBe(`t=${t},v1=${signPayload(body, secret, t)}`);
  });

  it('accepts a good signature within 300 s, with other v1 values beside it, and any of several secrets', () => {
    const header = `t=${t},v1=${'a'.repeat(64)},v1=${signPayload(body, secret, t)}`;
    expect(() => verifySignature(body, header, [secret], (t + 300) * 1000)).not.toThrow();
    expect(() => verifySignature(body, header, ['whsec_old', secret], (t - 300) * 1000)).not.toThrow();
  });

  it.each([
    ['missing', undefined],
    ['no timestamp', `v1=${signPayload(body, secret, t)}`],
    ['no signature', `t=${t}`],
    ['wrong secret', signatureHeader(body, ['whsec_other'], t)],
    ['another body', signatureHeader(`${body} `, [secret], t)],
    ['a v0 scheme only', `t=${t},v0=${signPayload(body, secret, t)}`],
  ])('refuses a header that is %s', (_name, header) => {
    expect(() => verifySignature(body, header, [secret], t * 1000)).toThrow(
      expect.objectContaining({ code: 'WEBHOOK_SIGNATURE_INVALID' }),
    );
  });

  it('refuses a signature older or newer than the tolerance', () => {
    const header = signatureHeader(body, [secret], t);
    expect(() => verifySignature(body, header, [secret], (t + 301) * 1000)).toThrow(/too old/);
    expect(() => verifySignature(body, header, [secret], (t - 301) * 1000)).toThrow(/too old/);
  });
});
