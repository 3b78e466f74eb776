// Keeps every web contents on app://megadisc: no new windows, no navigation or redirect elsewhere,
// no <webview>. Allowlisted https links, and the payment page of a checkout the store opened for
// this app, go to the system browser instead.
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { isAllowedExternalUrl } from './external-links.ts';

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

export function guardNavigation(
  contents: GuardedContents,
  openExternal: (url: string) => void,
  isPaymentPage: (url: string) => boolean = () => false,
): void {
  const leavesForBrowser = (url: string) => isAllowedExternalUrl(url) || isPaymentPage(url);
  contents.setWindowOpenHandler(({ url }) => {
    if (leavesForBrowser(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, legacyUrl) => {
    const url = targetOf(event, legacyUrl);
    if (isAppUrl(url)) return;
    event.preventDefault();
    // A plain <a href> to an allowlisted page: show it in the browser rather than nowhere.
    if (leavesForBrowser(url)) openExternal(url);
  });
  contents.on('will-redirect', (event, legacyUrl) => {
    if (!isAppUrl(targetOf(event, legacyUrl))) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Electron 45 puts the URL on the event; the positional argument is its deprecated twin. */
function targetOf(event: { url?: string }, legacyUrl: unknown): string {
  if (typeof event.url === 'string') return event.url;
  return typeof legacyUrl === 'string' ? legacyUrl : '';
}
