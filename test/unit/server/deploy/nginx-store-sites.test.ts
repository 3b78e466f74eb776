// storeSites(): the shipped nginx-store.conf for one store or for every API node of a cluster.
import { describe, expect, it } from 'vitest';
import { storeSites } from '../../../../server/deploy/nginx-config.ts';

const upstream = (text: string) => /upstream megadisc_store \{([^}]*)\}/.exec(text)![1]!;
const servers = (text: string) =>
  upstream(text)
    .match(/^\s*server .*$/gm)!
    .map((l) => l.trim());

describe('storeSites', () => {
  it('puts one store in the upstream, with passive health', () => {
    const text = storeSites({
      listen: '127.0.0.1:8080',
      store: '127.0.0.1:8701',
      cacheDir: '/srv/store/cache',
    });
    expect(servers(text)).toEqual(['server 127.0.0.1:8701 max_fails=2 fail_timeout=5s;']);
    expect(text).toContain('    listen 127.0.0.1:8080;');
    expect(text).toContain('alias /srv/store/cache/;');
  });

  it('lists every node of a cluster, each with the same passive health', () => {
    const nodes = ['10.0.0.1:8700', '10.0.0.2:8700', 'api-3.internal:8700', '[::1]:8702'];
    const text = storeSites({ listen: '80', store: nodes, cacheDir: '/srv/store/cache/' });
    expect(servers(text)).toEqual(nodes.map((n) => `server ${n} max_fails=2 fail_timeout=5s;`));
    expect(upstream(text)).toContain('keepalive 64;');
  });

  it('retries idempotent requests, and POSTs only where the store requires an Idempotency-Key', () => {
    const text = storeSites({ listen: '80', store: ['a:1', 'b:2'], cacheDir: '/c' });
    const active = text.split('\n').filter((l) => /^\s*proxy_next_upstream /.test(l));
    expect(active.map((l) => l.trim())).toEqual([
      'proxy_next_upstream error timeout http_502;',
      'proxy_next_upstream error timeout http_502 non_idempotent;',
    ]);
    expect(text).toMatch(
      /location ~ \^\/v1\/\(orders\|checkouts\)\$ \{\s*proxy_pass http:\/\/megadisc_store;\s*proxy_next_upstream error timeout http_502 non_idempotent;/,
    );
  });

  it('refuses what is not host:port, and an empty cluster', () => {
    for (const bad of ['10.0.0.1', 'a b:1', 'x:1;', 'http://x:1'])
      expect(() => storeSites({ listen: '80', store: [bad], cacheDir: '/c' })).toThrow(/host:port/);
    expect(() => storeSites({ listen: '80', store: [], cacheDir: '/c' })).toThrow(/at least one/);
  });
});
