// Which payment pages the app may send a listener to: a checkout's payUrl must be https, or plain
// http on this computer (the demo store's built-in test provider), and never carry credentials.

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/** The URL as the browser would open it, or null when it is not a payment page the app accepts. */
export function paymentPageUrl(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'https:') return parsed.href;
  if (parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname)) return parsed.href;
  return null;
}

export function isPaymentPageUrl(url: string): boolean {
  return paymentPageUrl(url) !== null;
}
