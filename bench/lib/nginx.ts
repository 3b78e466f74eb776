// Runs a throwaway nginx (foreground, everything inside one temp folder) serving a folder of static files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, run, spawnTracked } from './harness.ts';

const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

export interface Nginx {
  url: string;
  /** e.g. "nginx/1.22.1" */
  version: string;
  config: string;
  /** The master process; its workers are its children. */
  pid: number;
}

export interface NginxOptions {
  workers: number;
  /**
   * http-level blocks (upstreams, servers) to run instead of the default static server over `root`;
   * given the port to listen on (127.0.0.1).
   */
  sites?: (port: number) => string;
}

export async function startNginx(dir: string, root: string, opts: NginxOptions): Promise<Nginx> {
  const port = await freePort();
  const probe = await run(NGINX, ['-v']);
  const version = /nginx\/[\d.]+/.exec(probe.stderr + probe.stdout)?.[0] ?? 'nginx';
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  const config = `# minimal static file server for the benchmarks
${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes ${opts.workers};
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'tmp', 'body')};
  proxy_temp_path ${join(dir, 'tmp', 'proxy')};
  fastcgi_temp_path ${join(dir, 'tmp', 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'tmp', 'uwsgi')};
  scgi_temp_path ${join(dir, 'tmp', 'scgi')};
  types { audio/mpeg mp3; audio/flac flac; text/html html; text/css css; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
${
  opts.sites?.(port) ??
  `  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { }
  }`
}
}
`;
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, config);
  const child = spawnTracked(NGINX, ['-p', dir, '-c', path, '-e', join(dir, 'logs', 'error.log')]);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `nginx exited with ${child.exitCode}: ${readFileSync(join(dir, 'logs', 'error.log'), 'utf8')}`,
      );
    }
    try {
      await fetch(`${url}/`, { method: 'HEAD' });
      return { url, version, config, pid: child.pid! };
    } catch {
      if (Date.now() > deadline) throw new Error('nginx did not start listening within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
