// Which links may leave the app for the system browser: https only, to a short list of hosts; and
// the payment page of a checkout, which the store names and the app service vouches for.
import { isPaymentPageUrl } from '../../shared/payment-url.ts';

/** Hosts the UI links to (release pages, the project). Exact names: no wildcard subdomains. */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'musicbrainz.org',
  'www.musicbrainz.org',
  'github.com',
];

export function isAllowedExternalUrl(
  url: string,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Credentials or an odd port in a link are a phishing tell; refuse them outright.
  if (
    parsed.protocol !== 'https:' ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    parsed.port !== ''
  ) {
    return false;
  }
  return allowlist.includes(parsed.hostname.toLowerCase());
}

/** Opens an allowlisted URL in the system browser; anything else is refused (returns false). */
export function openExternalSafely(
  shell: { openExternal(url: string): Promise<void> },
  url: string,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST,
): boolean {
  if (!isAllowedExternalUrl(url, allowlist)) return false;
  shell.openExternal(url).catch(() => {
    // No browser, or the user closed the prompt: nothing the app can do about it.
  });
  return true;
}

/**
 * Opens a checkout's payment page in the system browser: only a URL the app service says the store
 * returned for a checkout still waiting (isPaymentPage), and only https or http on loopback.
 */
export function openPaymentPageSafely(
  shell: { openExternal(url: string): Promise<void> },
  url: string,
  isPaymentPage: (url: string) => boolean,
): boolean {
  if (!isPaymentPageUrl(url) || !isPaymentPage(url)) return false;
  shell.openExternal(url).catch(() => {
    // No browser: the UI keeps a link to the page, and the checkout waits until it expires.
  });
  return true;
}
