import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_EVENT_NAMES } from '../../../../electron/shared/app-api/events.ts';
import { type FakeHost, startFakeHost } from './fake-host.ts';
import { callApi, request } from './http-request.ts';
import { openSse } from './sse-client.ts';

let h: FakeHost;
beforeAll(async () => {
  h = await startFakeHost({ timing: { heartbeatMs: 100, progressIntervalMs: 200 } });
});
afterAll(() => h.dispose());

async function until(probe: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('POST /api/call/:method', () => {
  it('runs the method with the validated input and answers its envelope', async () => {
    const res = await callApi(h.port, 'store.search', { q: 'miles', type: 'album' }, h.page);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ ok: true, value: { echo: 'miles', type: 'album' } });
    expect(h.calls.at(-1)).toEqual({ method: 'store.search', input: { q: 'miles', type: 'album' } });
  });

  it('treats an empty body as {}', async () => {
    const res = await callApi(h.port, 'app.info', '', h.page);
    expect(res.json()).toMatchObject({ ok: true, value: { version: '9.9.9' } });
  });

  it('keeps a value-less result as null, so the envelope stays an envelope', async () => {
    const res = await callApi(h.port, 'session.logout', {}, h.page);
    expect(res.json()).toEqual({ ok: true, value: null });
  });

  it('answers 404 NOT_FOUND for an unknown method, prototype names included', async () => {
    for (const method of ['store.steal', '__proto__', 'constructor', 'toString']) {
      const res = await callApi(h.port, method, {}, h.page);
      expect(res.status, method).toBe(404);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await callApi(h.port, 'store.search/extra', {}, h.page)).status).toBe(404);
  });

  it('answers 400 INVALID_ARGUMENT for input that fails the schema, without calling the method', async () => {
    const before = h.calls.length;
    for (const input of [{ id: -1 }, { id: 1, extra: true }, { id: '1' }, [], '"x"', 'null', '{}']) {
      const res = await callApi(h.port, 'store.album', input, h.page);
      expect(res.status, JSON.stringify(input)).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(body.error.message).toContain('store.album');
    }
    expect(h.calls).toHaveLength(before);
  });

  it('answers 400 for a body that is not JSON, 415 for another type, 413 over 64 KB', async () => {
    const notJson = await callApi(h.port, 'app.info', '{"q":', h.page);
    expect(notJson.status).toBe(400);
    expect(notJson.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });

    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await request(h.port, '/api/call/app.info', {
        method: 'POST',
        headers: { ...h.page, 'Content-Type': type },
        body: '{}',
      });
      expect(res.status, type).toBe(415);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    const charset = await request(h.port, '/api/call/app.info', {
      method: 'POST',
      headers: { ...h.page, 'Content-Type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(charset.status).toBe(200);

    const big = JSON.stringify({ q: 'x'.repeat(70 * 1024) });
    const tooBig = await callApi(h.port, 'store.search', big, h.page);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('answers 405 to a GET on a method', async () => {
    const res = await request(h.port, '/api/call/app.info', { headers: h.cookie });
    expect(res.status).toBe(405);
    expect(res.json()).toMatchObject({ ok: false });
  });

  it('keeps the code and retryable flag of a MegadiscError thrown by the service', async () => {
    const res = await callApi(h.port, 'downloads.cancel', { id: 7 }, h.page);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'job 7 is already done', retryable: true },
    });
  });

  it('turns any other thrown error into INTERNAL and logs it', async () => {
    const res = await callApi(h.port, 'settings.get', {}, h.page);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } });
    expect(h.logs.some((line) => line.includes('settings.get') && line.includes('disk on fire'))).toBe(true);
  });

  it('answers an unknown /api path with a 404 envelope, not the app page', async () => {
    const res = await request(h.port, '/api/nothing', { headers: h.cookie });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('GET /api/events', () => {
  it('forwards every core event and unsubscribes when the page goes away', async () => {
    expect(h.events.active).toBe(0);
    const sse = await openSse(h.port, h.cookie);
    expect(sse.response.statusCode).toBe(200);
    expect(sse.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(sse.response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(h.events.active).toBe(APP_EVENT_NAMES.length);

    const balance = {
      balance: {
        balanceBytes: 5,
        reservedBytes: 0,
        availableBytes: 5,
        asOf: 'now',
        offline: false,
        mismatch: null,
      },
    };
    h.events.emit('balance', balance);
    h.events.emit('connection', { online: false, message: 'line one\nline two' });
    h.events.emit('queue-changed', {});
    await sse.until((_, events) => events.length >= 3);
    expect(sse.events()).toEqual([
      { event: 'balance', data: balance },
      { event: 'connection', data: { online: false, message: 'line one\nline two' } },
      { event: 'queue-changed', data: {} },
    ]);

    sse.close();
    await until(() => h.events.active === 0);
  });

  it('sends a heartbeat comment', async () => {
    const sse = await openSse(h.port, h.bearer);
    await sse.until((raw) => raw.includes(': heartbeat\n\n'));
    sse.close();
    await until(() => h.events.active === 0);
  });

  it('holds job-progress to a few a second per job, delivers the last, and never after job-state', async () => {
    const sse = await openSse(h.port, h.cookie);
    const progress = (jobId: number, receivedBytes: number) =>
      h.events.emit('job-progress', {
        jobId,
        receivedBytes,
        totalBytes: 100,
        bytesPerSecond: 1,
        etaSeconds: null,
      });
    for (let i = 1; i <= 50; i++) {
      progress(1, i);
      progress(2, i);
    }
    await sse.until((_, events) => events.filter((e) => (e.data as any).receivedBytes === 50).length === 2);
    const ticks = (jobId: number) =>
      sse
        .events()
        .filter((e) => e.event === 'job-progress' && (e.data as any).jobId === jobId)
        .map((e) => (e.data as any).receivedBytes);
    expect(ticks(1)).toEqual([1, 50]);
    expect(ticks(2)).toEqual([1, 50]);

    // A held tick goes out before the state change that follows it.
    progress(1, 60);
    progress(1, 70);
    h.events.emit('job-state', { job: { id: 1, state: 'done' } as any });
    await sse.until((_, events) => events.some((e) => e.event === 'job-state'));
    const tail = sse.events().slice(-2);
    expect(tail.map((e) => e.event)).toEqual(['job-progress', 'job-state']);
    expect((tail[0]!.data as any).receivedBytes).toBe(70);
    await new Promise((r) => setTimeout(r, 300));
    expect(sse.events().at(-1)!.event).toBe('job-state');
    sse.close();
    await until(() => h.events.active === 0);
  });

  it('ends open streams when the host closes', async () => {
    const other = await startFakeHost();
    const sse = await openSse(other.port, other.cookie);
    expect(other.events.active).toBe(APP_EVENT_NAMES.length);
    await other.dispose();
    await sse.ended;
    expect(other.events.active).toBe(0);
  });

  it('refuses a stream to a foreign Origin or without the token', async () => {
    const foreign = await openSse(h.port, { ...h.cookie, Origin: 'http://evil.example' });
    expect(foreign.response.statusCode).toBe(403);
    const anonymous = await openSse(h.port, {});
    expect(anonymous.response.statusCode).toBe(401);
    expect(h.events.active).toBe(0);
  });
});

describe('GET /covers', () => {
  it('serves a store cover and a library cover with their type, 404 when the service has none', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    h.covers.set(7, { bytes: jpeg, contentType: 'image/jpeg' });
    const store = await request(h.port, '/covers/store/7/300', { headers: h.cookie });
    expect(store.status).toBe(200);
    expect(store.headers['content-type']).toBe('image/jpeg');
    expect(store.body.equals(jpeg)).toBe(true);
    expect(store.headers['x-content-type-options']).toBe('nosniff');

    const library = await request(h.port, '/covers/library/7', { headers: h.cookie });
    expect(library.status).toBe(200);
    expect(library.body.equals(jpeg)).toBe(true);
    expect(h.coverCalls.slice(-2)).toEqual([
      ['store', 7, 300],
      ['library', 7, 0],
    ]);

    const missing = await request(h.port, '/covers/store/8/300', { headers: h.cookie });
    expect(missing.status).toBe(404);
    expect(h.coverCalls.at(-1)).toEqual(['store', 8, 300]);
  });

  it('answers 404 to malformed cover addresses without asking the service', async () => {
    const before = h.coverCalls.length;
    for (const path of [
      '/covers/store/7',
      '/covers/store/abc/300',
      '/covers/store/0/300',
      '/covers/store/7/-1',
      '/covers/store/7/300/x',
      '/covers/disk/7/300',
      '/covers/store/99999999999/300',
    ]) {
      expect((await request(h.port, path, { headers: h.cookie })).status, path).toBe(404);
    }
    expect(h.coverCalls).toHaveLength(before);
  });

  it('never serves cover bytes as a page, whatever type the service claims', async () => {
    h.covers.set(9, { bytes: Buffer.from('<script>alert(1)</script>'), contentType: 'text/html' });
    const res = await request(h.port, '/covers/store/9/300', { headers: h.cookie });
    expect(res.headers['content-type']).toBe('application/octet-stream');
  });

  it('needs the token', async () => {
    expect((await request(h.port, '/covers/store/7/300')).status).toBe(401);
  });
});
