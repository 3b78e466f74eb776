import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../../../../electron/web/start-web-host.ts';
import { createFakeService } from './fake-app-service.ts';
import { type FakeHost, INDEX_HTML, startFakeHost } from './fake-host.ts';
import { callApi, request } from './http-request.ts';

let h: FakeHost;
beforeAll(async () => {
  h = await startFakeHost();
});
afterAll(() => h.dispose());

describe('web host access token', () => {
  it('prints a loopback URL that carries a fresh 256-bit token', async () => {
    expect(h.host.url).toBe(`http://127.0.0.1:${h.port}/?token=${h.host.token}`);
    expect(Buffer.from(h.host.token, 'base64url')).toHaveLength(32);
    const other = await startWebHost({ service: createFakeService().service, rendererDir: h.rendererDir });
    try {
      expect(other.token).not.toBe(h.host.token);
      expect(other.port).not.toBe(h.port);
    } finally {
      await other.close();
    }
  });

  it('refuses a page request without the token with a page naming the command', async () => {
    const res = await request(h.port, '/');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('megadisc web');
    expect(res.text).not.toContain('<div id="root">');
  });

  it('refuses an API call without the token with an UNAUTHORIZED envelope', async () => {
    const res = await callApi(h.port, 'app.info', {}, { Origin: h.host.origin });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(h.calls).toHaveLength(0);
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie and a 303 to the same address', async () => {
    const res = await request(h.port, `/library?view=grid&token=${h.host.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/library?view=grid');
    const setCookie = res.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^megadisc_token=${h.host.token};`));
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(setCookie).toMatch(/;\s*Path=\//);

    const cookie = setCookie.split(';')[0]!;
    const page = await request(h.port, '/library?view=grid', {
      headers: { Cookie: `theme=dark; ${cookie}` },
    });
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX_HTML);
  });

  it('redirects / to / without the token', async () => {
    const res = await request(h.port, `/?token=${h.host.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
  });

  it('accepts a bearer token', async () => {
    const res = await request(h.port, '/', { headers: h.bearer });
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX_HTML);
  });

  it('refuses a wrong token in the query, the cookie or the bearer header', async () => {
    const wrong = `${h.host.token.slice(0, -1)}${h.host.token.endsWith('A') ? 'B' : 'A'}`;
    const query = await request(h.port, `/?token=${wrong}`);
    expect(query.status).toBe(401);
    expect(query.headers['set-cookie']).toBeUndefined();
    expect((await request(h.port, '/', { headers: { Cookie: `megadisc_token=${wrong}` } })).status).toBe(401);
    expect((await request(h.port, '/', { headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401);
    expect((await request(h.port, '/', { headers: { Authorization: h.host.token } })).status).toBe(401);
    expect((await request(h.port, '/', { headers: { Cookie: 'megadisc_token=' } })).status).toBe(401);
    // A bad bearer is not rescued by a good cookie: the explicit credential decides.
    const both = await request(h.port, '/', { headers: { ...h.cookie, Authorization: `Bearer ${wrong}` } });
    expect(both.status).toBe(401);
  });
});

describe('web host Host and Origin checks', () => {
  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    const before = h.calls.length;
    for (const host of [
      `evil.example:${h.port}`,
      `127.0.0.1:${h.port + 1}`,
      '127.0.0.1',
      `127.0.0.1.nip.io:${h.port}`,
    ]) {
      const res = await request(h.port, '/', { headers: { ...h.bearer, Host: host } });
      expect(res.status, host).toBe(421);
      expect(res.text).not.toContain('root');
    }
    const api = await callApi(h.port, 'app.info', {}, { ...h.bearer, Host: `evil.example:${h.port}` });
    expect(api.status).toBe(421);
    expect(api.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(h.calls).toHaveLength(before);
  });

  it('accepts Host localhost:PORT', async () => {
    const res = await request(h.port, '/', { headers: { ...h.cookie, Host: `localhost:${h.port}` } });
    expect(res.status).toBe(200);
  });

  it('refuses a POST from a foreign Origin, with cookie or bearer', async () => {
    const before = h.calls.length;
    for (const auth of [h.cookie, h.bearer]) {
      const res = await callApi(h.port, 'app.info', {}, { ...auth, Origin: 'http://evil.example' });
      expect(res.status).toBe(403);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    for (const origin of ['null', `http://127.0.0.1:${h.port + 1}`, `https://127.0.0.1:${h.port}`]) {
      const res = await callApi(h.port, 'app.info', {}, { ...h.cookie, Origin: origin });
      expect(res.status, origin).toBe(403);
    }
    expect(h.calls).toHaveLength(before);
  });

  it('refuses a cookie POST without Origin, accepts a bearer POST without one', async () => {
    const before = h.calls.length;
    const cookieOnly = await callApi(h.port, 'app.info', {}, h.cookie);
    expect(cookieOnly.status).toBe(403);
    expect(h.calls).toHaveLength(before);
    const bearer = await callApi(h.port, 'app.info', {}, h.bearer);
    expect(bearer.status).toBe(200);
    expect(bearer.json()).toEqual({ ok: true, value: { version: '9.9.9', transport: 'web' } });
  });

  it('accepts a cookie POST from our own page, under either host name', async () => {
    const res = await callApi(h.port, 'app.info', {}, h.page);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    const viaLocalhost = await callApi(
      h.port,
      'app.info',
      {},
      {
        ...h.cookie,
        Host: `localhost:${h.port}`,
        Origin: `http://localhost:${h.port}`,
      },
    );
    expect(viaLocalhost.json()).toMatchObject({ ok: true });
  });

  it('refuses cross-site fetches and same-site ones that are not navigations', async () => {
    const cross = await request(h.port, '/', { headers: { ...h.cookie, 'Sec-Fetch-Site': 'cross-site' } });
    expect(cross.status).toBe(403);
    const crossCall = await callApi(h.port, 'app.info', {}, { ...h.page, 'Sec-Fetch-Site': 'cross-site' });
    expect(crossCall.status).toBe(403);
    const sameSiteFetch = await request(h.port, '/covers/store/1/300', {
      headers: { ...h.cookie, 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors' },
    });
    expect(sameSiteFetch.status).toBe(403);
    const ours = await request(h.port, '/', {
      headers: { ...h.cookie, 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'navigate' },
    });
    expect(ours.status).toBe(200);
    const typed = await request(h.port, '/', {
      headers: { ...h.cookie, 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' },
    });
    expect(typed.status).toBe(200);
  });

  it('refuses an absolute-form request target', async () => {
    const res = await request(h.port, `http://evil.example/`, { headers: h.bearer });
    expect(res.status).toBe(400);
  });
});

describe('web host socket', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(h.host.address().address).toBe('127.0.0.1');
    expect(h.host.address().family).toBe('IPv4');
    // Nothing answers on the IPv6 loopback (or on any other address) at this port.
    const ipv6 = await new Promise<string>((resolve) => {
      const socket = connect({ host: '::1', port: h.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(ipv6).not.toBe('connected');
  });

  it('tells a taken port apart', async () => {
    await expect(
      startWebHost({ service: createFakeService().service, rendererDir: h.rendererDir, port: h.port }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining(String(h.port)) });
  });
});
