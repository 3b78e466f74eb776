// Web mode listens before the app service has started: the page is served at once, API calls wait
// for the service (after the access checks), and the core's start can ask whether a page is still
// on its way out (pageSettled) before it loads more code.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../electron/core/app/app-host.ts';
import { createFakeService } from './fake-app-service.ts';
import { type FakeHost, startFakeHost } from './fake-host.ts';
import { request } from './http-request.ts';

let host: FakeHost | null = null;
afterEach(async () => {
  await host?.dispose();
  host = null;
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const json = (page: Record<string, string>) => ({ ...page, 'Content-Type': 'application/json' });
/** Whether a promise has settled within a few turns of the event loop. */
async function settledSoon(promise: Promise<unknown>, ms = 50): Promise<boolean> {
  return Promise.race([
    promise.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);
}

describe('web mode before the app service is ready', () => {
  it('serves the page at once and answers API calls once the service has started', async () => {
    const starting = deferred<AppService>();
    host = await startFakeHost({ service: starting.promise });
    const page = await request(host.port, '/', { headers: host.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('app-1a2b3c.js');

    const call = request(host.port, '/api/call/app.info', {
      method: 'POST',
      headers: json(host.page),
      body: '{}',
    });
    expect(await settledSoon(call)).toBe(false);
    const fake = createFakeService();
    starting.resolve(fake.service);
    const answer = await call;
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ ok: true, value: { version: '9.9.9', transport: 'web' } });
  });

  it('still checks access and input first, without waiting', async () => {
    const starting = deferred<AppService>();
    host = await startFakeHost({ service: starting.promise });
    const noToken = await request(host.port, '/api/call/app.info', { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    const unknown = await request(host.port, '/api/call/no.such', {
      method: 'POST',
      headers: json(host.page),
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    const invalid = await request(host.port, '/api/call/store.album', {
      method: 'POST',
      headers: json(host.page),
      body: '{"id":-1}',
    });
    expect(invalid.status).toBe(400);
    starting.resolve(createFakeService().service);
  });

  it('answers 503 when the service failed to start', async () => {
    const starting = deferred<AppService>();
    host = await startFakeHost({ service: starting.promise });
    const call = request(host.port, '/api/call/app.info', {
      method: 'POST',
      headers: json(host.page),
      body: '{}',
    });
    starting.reject(new Error('the demo store did not start'));
    const answer = await call;
    expect(answer.status).toBe(503);
    expect(answer.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('pageSettled', () => {
  it('resolves at once while no page is on its way out', async () => {
    host = await startFakeHost();
    expect(await settledSoon(host.host.pageSettled())).toBe(true);
  });

  it('waits from the token redirect until the page and the scripts and styles it names have been sent', async () => {
    host = await startFakeHost();
    const redirect = await request(host.port, `/?token=${host.host.token}`);
    expect(redirect.status).toBe(303);
    const settled = host.host.pageSettled();
    expect(await settledSoon(settled)).toBe(false);
    await request(host.port, '/', { headers: host.cookie });
    expect(await settledSoon(settled)).toBe(false);
    await request(host.port, '/assets/app-1a2b3c.js', { headers: host.cookie });
    expect(await settledSoon(settled)).toBe(true);
    // The first page only: later pages come from the browser's cache.
    await request(host.port, '/library', { headers: host.cookie });
    expect(await settledSoon(host.host.pageSettled())).toBe(true);
  });

  it('gives up on a client that takes the page but never its scripts', async () => {
    host = await startFakeHost();
    await request(host.port, '/', { headers: host.cookie });
    const settled = host.host.pageSettled();
    expect(await settledSoon(settled)).toBe(false);
    // Resolves anyway (the test would time out otherwise).
    await settled;
  });
});
