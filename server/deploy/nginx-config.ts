// The shipped nginx site for X-Accel-Redirect mode (nginx-store.conf), with an installation's own
// values put in. Tests and the benchmark run exactly this text, so the file in the repository works.
import { readFileSync } from 'node:fs';

const TEMPLATE = new URL('./nginx-store.conf', import.meta.url);

export interface StoreSiteValues {
  /** nginx's `listen` argument, e.g. `127.0.0.1:8080` or `80`. */
  listen: string;
  /** Where the store listens, host:port. */
  store: string;
  /** The store's cache folder (`<data>/cache`), absolute. */
  cacheDir: string;
  /** The store's --accel-redirect prefix; default /internal-cache/. */
  prefix?: string;
  /** server_name; default store.example.com. */
  serverName?: string;
}

/** Replaces one exact piece of the template, and fails loudly if the template no longer has it. */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`nginx-store.conf no longer contains "${from}"`);
  return text.split(from).join(to);
}

/** The upstream and server blocks of nginx-store.conf (http-level), for this installation. */
export function storeSites(values: StoreSiteValues): string {
  const prefix = values.prefix ?? '/internal-cache/';
  if (!/^\/[A-Za-z0-9._~/-]*\/$/.test(prefix)) throw new Error(`bad prefix ${prefix}`);
  const cacheDir = values.cacheDir.endsWith('/') ? values.cacheDir : `${values.cacheDir}/`;
  if (/[\s;{}'"$]/.test(cacheDir)) throw new Error(`cannot put ${cacheDir} in an nginx config unquoted`);
  let text = readFileSync(TEMPLATE, 'utf8');
  text = swap(text, 'server 127.0.0.1:8700;', `server ${values.store};`);
  text = swap(text, '    listen 80;', `    listen ${values.listen};`);
  text = swap(
    text,
    'server_name store.example.com;',
    `server_name ${values.serverName ?? 'store.example.com'};`,
  );
  text = swap(text, 'alias /var/lib/megadisc/store/cache/;', `alias ${cacheDir};`);
  text = swap(text, 'location /internal-cache/ {', `location ${prefix} {`);
  return text;
}
