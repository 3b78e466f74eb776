// Webhook signatures the way Stripe makes them: "t=<unix seconds>,v1=<hex HMAC-SHA256 of `t.body`>",
// several v1 allowed (secret rotation), a tolerance on t against replays, constant-time comparison.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { StoreError } from '../errors/store-error.ts';

export const SIGNATURE_TOLERANCE_S = 300;

export function signPayload(body: string, secret: string, timestampS: number): string {
  return createHmac('sha256', secret).update(`${timestampS}.${body}`, 'utf8').digest('hex');
}

export function signatureHeader(body: string, secrets: string[], timestampS: number): string {
  return [`t=${timestampS}`, ...secrets.map((s) => `v1=${signPayload(body, s, timestampS)}`)].join(',');
}

function invalid(message: string): StoreError {
  return new StoreError('WEBHOOK_SIGNATURE_INVALID', 400, message);
}

/**
 * Throws WEBHOOK_SIGNATURE_INVALID unless one v1 signature matches one of the secrets and t is
 * within the tolerance of now. The body must be the raw bytes as received, not re-serialized JSON.
 */
export function verifySignature(
  body: string,
  header: string | undefined,
  secrets: string[],
  nowMs: number,
  toleranceS = SIGNATURE_TOLERANCE_S,
): void {
  if (!header) throw invalid('the webhook is not signed');
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) throw invalid('the signature header is malformed');
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceS)
    throw invalid('the webhook signature is too old or from the future');
  for (const secret of secrets) {
    const expected = Buffer.from(signPayload(body, secret, timestamp), 'hex');
    // Every candidate is compared in constant time; no early exit on the first differing byte.
    if (signatures.some((s) => timingSafeEqual(s, expected))) return;
  }
  throw invalid('the webhook signature does not match');
}
