// The one origin the window may show: app://megadisc/, served from packaged files.

export const APP_SCHEME = 'app';
export const APP_HOST = 'megadisc';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads first. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Whether a URL belongs to our app:// origin (parsed, so `app://megadisc.evil` or `app://x@evil` fail). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
