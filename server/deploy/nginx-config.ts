// The shipped nginx site for X-Accel-Redirect mode (nginx-store.conf), with an installation's own
// values put in. Tests, the local cluster and the benchmark run exactly this text, so the file in
// the repository works.
import { readFileSync } from 'node:fs';

const TEMPLATE = new URL('./nginx-store.conf', import.meta.url);

export interface StoreSiteValues {
  /** nginx's `listen` argument, e.g. `127.0.0.1:8080` or `80`. */
  listen: string;
  /** Where the store listens, host:port; for a cluster, every API node's. */
  store: string | readonly string[];
  /** The store's cache folder (`<data>/cache`), absolute; every node's and worker's. */
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

/** The template's upstream line, passive health included: repeated once per node. */
const UPSTREAM_LINE = /^( *)server 127\.0\.0\.1:8700( [^;\n]*)?;$/m;

/** The upstream and server blocks of nginx-store.conf (http-level), for this installation. */
export function storeSites(values: StoreSiteValues): string {
  const prefix = values.prefix ?? '/internal-cache/';
  if (!/^\/[A-Za-z0-9._~/-]*\/$/.test(prefix)) throw new Error(`bad prefix ${prefix}`);
  const cacheDir = values.cacheDir.endsWith('/') ? values.cacheDir : `${values.cacheDir}/`;
  if (/[\s;{}'"$]/.test(cacheDir)) throw new Error(`cannot put ${cacheDir} in an nginx config unquoted`);
  const nodes = typeof values.store === 'string' ? [values.store] : values.store;
  if (nodes.length === 0) throw new Error('the upstream needs at least one store node');
  for (const node of nodes)
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/.test(node))
      throw new Error(`a store node is host:port, got ${node}`);
  let text = readFileSync(TEMPLATE, 'utf8');
  const line = UPSTREAM_LINE.exec(text);
  if (!line) throw new Error('nginx-store.conf no longer contains "server 127.0.0.1:8700 …;"');
  const [, indent = '', health = ''] = line;
  text = text.replace(UPSTREAM_LINE, () =>
    nodes.map((node) => `${indent}server ${node}${health};`).join('\n'),
  );
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
