// A real nginx (Debian's /usr/sbin/nginx) in front of a test store, running the shipped
// server/deploy/nginx-store.conf on a held loopback port, everything inside one temp folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeSites } from '../../../server/deploy/nginx-config.ts';
import { holdPort } from '../../helpers/ports.ts';

export const NGINX = '/usr/sbin/nginx';
export const hasNginx = existsSync(NGINX);

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
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub));
  const held = await holdPort();
  const store = new URL(opts.storeUrl).host;
  const log = join(dir, 'logs', 'access.log');
  const config = `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 256; }
http {
  log_format accel '$status $upstream_http_x_accel_redirect $body_bytes_sent $request_uri';
  access_log ${log} accel;
  client_body_temp_path ${join(dir, 'tmp', 'body')};
  proxy_temp_path ${join(dir, 'tmp', 'proxy')};
  fastcgi_temp_path ${join(dir, 'tmp', 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'tmp', 'uwsgi')};
  scgi_temp_path ${join(dir, 'tmp', 'scgi')};
  default_type application/octet-stream;
${storeSites({ listen: `127.0.0.1:${held.port}`, store, cacheDir: opts.cacheDir, prefix: opts.prefix })}
}
`;
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, config);
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'logs', 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  await held.release();
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path, '-e', join(dir, 'logs', 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${held.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(late);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const why = `${stderr}${errorLog()}`;
      await stop();
      throw new Error(`nginx exited with ${child.exitCode}: ${why}`);
    }
    try {
      await fetch(`${url}/v1/health-probe-of-the-test`, { method: 'HEAD' });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx did not listen within 10 s: ${errorLog()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    accessLog: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((l) => l && !l.includes('health-probe-of-the-test'))
        : [],
    stop,
  };
}
