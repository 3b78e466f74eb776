// A throw-away nginx in the foreground, everything inside one folder (config, pid, logs, temp
// files), running http-level blocks it is given (usually storeSites() of
// server/deploy/nginx-config.ts) on a loopback port: for the tests and the local cluster.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReservedPort } from './throwaway-postgres.ts';

/** nginx's binary: MEGADISC_NGINX, else the usual places; null when none is installed. */
export function findNginx(): string | null {
  const candidates = [
    process.env.MEGADISC_NGINX,
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/nginx/sbin/nginx',
    '/opt/homebrew/bin/nginx',
    '/usr/local/bin/nginx',
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!)) ?? null;
}

/** The access log's default line: what the tests read. */
export const ACCESS_LOG_FORMAT =
  '$status $upstream_http_x_accel_redirect $body_bytes_sent $request_uri $request_method "$upstream_addr"';

/** Sent once nginx starts, to see it listen; left out of accessLog(). */
const PROBE_PATH = '/v1/health-probe-of-nginx-start';

export interface NginxProcess {
  url: string;
  child: ChildProcess;
  /** Lines of the access log (ACCESS_LOG_FORMAT unless told otherwise), the start probe left out. */
  accessLog(): string[];
  errorLog(): string;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** Holds config, pid, logs and temp files; made if missing, left in place. */
  dir: string;
  /** The port nginx listens on (127.0.0.1), released just before nginx starts. */
  port: ReservedPort;
  /** The http-level blocks, given nginx's `listen` argument. */
  sites: (listen: string) => string;
  logFormat?: string;
}

export async function startNginx(opts: NginxOptions): Promise<NginxProcess> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx), or set MEGADISC_NGINX');
  const { dir } = opts;
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  const accessLogPath = join(dir, 'logs', 'access.log');
  const errorLogPath = join(dir, 'logs', 'error.log');
  const listen = `127.0.0.1:${opts.port.port}`;
  // As root nginx's workers would run as `nobody`, who may not read the store's cache in a temp folder.
  const config = `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${errorLogPath} warn;
events { worker_connections 1024; }
http {
  log_format megadisc '${opts.logFormat ?? ACCESS_LOG_FORMAT}';
  access_log ${accessLogPath} megadisc;
  client_body_temp_path ${join(dir, 'tmp', 'body')};
  proxy_temp_path ${join(dir, 'tmp', 'proxy')};
  fastcgi_temp_path ${join(dir, 'tmp', 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'tmp', 'uwsgi')};
  scgi_temp_path ${join(dir, 'tmp', 'scgi')};
  default_type application/octet-stream;
${opts.sites(listen)}
}
`;
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, config);
  const errorLog = () => (existsSync(errorLogPath) ? readFileSync(errorLogPath, 'utf8') : '');
  await opts.port.release();
  const child = spawn(nginx, ['-p', dir, '-c', path, '-e', errorLogPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${listen}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(late);
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const why = `${stderr}${errorLog()}`;
      await stop();
      throw new Error(`nginx exited with ${child.exitCode}: ${why}`);
    }
    try {
      await fetch(`${url}${PROBE_PATH}`, { method: 'HEAD' });
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
    child,
    accessLog: () =>
      existsSync(accessLogPath)
        ? readFileSync(accessLogPath, 'utf8')
            .split('\n')
            .filter((l) => l && !l.includes(PROBE_PATH))
        : [],
    errorLog,
    stop,
  };
}
