// A real nginx (Debian's /usr/sbin/nginx) in front of a test store, running the shipped
// server/deploy/nginx-store.conf on a held loopback port, everything inside one temp folder
// (scripts/cluster/nginx-process.ts runs it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNginx, startNginx } from '../../../../scripts/cluster/nginx-process.ts';
import { storeSites } from '../../../../server/deploy/nginx-config.ts';
import { holdPort } from '../../../helpers/ports.ts';

export const hasNginx = findNginx() !== null;

export interface NginxFront {
  url: string;
  /** Lines of the access log: `<status> <X-Accel-Redirect the store answered or -> <body bytes> <uri>`. */
  accessLog(): string[];
  stop(): Promise<void>;
}

export async function startNginxFront(opts: {
  storeUrl: string;
  cacheDir: string;
  prefix: string;
}): Promise<NginxFront> {
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-nginx-'));
  const store = new URL(opts.storeUrl).host;
  try {
    const nginx = await startNginx({
      dir,
      port: await holdPort(),
      sites: (listen) => storeSites({ listen, store, cacheDir: opts.cacheDir, prefix: opts.prefix }),
      logFormat: '$status $upstream_http_x_accel_redirect $body_bytes_sent $request_uri',
    });
    return {
      url: nginx.url,
      accessLog: nginx.accessLog,
      stop: async () => {
        await nginx.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
