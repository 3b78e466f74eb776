// Web mode's own pages (not the React app) speak the browser's language: Accept-Language picks
// English or Russian, <html lang> says which, and the API's envelopes stay the same machine format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeHost, startFakeHost } from './fake-host.ts';
import { callApi, request } from './http-request.ts';

let h: FakeHost;
beforeAll(async () => {
  h = await startFakeHost();
});
afterAll(() => h.dispose());

const RU = { 'Accept-Language': 'ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7' };

describe('web mode pages in the browser’s language', () => {
  it('asks for the token in Russian when the browser prefers Russian', async () => {
    const res = await request(h.port, '/', { headers: RU });
    expect(res.status).toBe(401);
    expect(res.headers['content-language']).toBe('ru');
    expect(res.text).toContain('<html lang="ru">');
    expect(res.text).toContain('<h1>Megadisc: веб-режим</h1>');
    expect(res.text).toContain(
      'Откройте адрес, который <code>megadisc web</code> напечатала в терминале (он заканчивается на <code>?token=…</code>).',
    );
  });

  it('speaks English without Accept-Language, for English, and for languages it does not speak', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'Accept-Language': 'en-GB,en;q=0.9' },
      { 'Accept-Language': 'de, fr;q=0.5' },
    ]) {
      const res = await request(h.port, '/', { headers });
      expect(res.status).toBe(401);
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain('<h1>Megadisc web mode</h1>');
      expect(res.text).toContain('Open the address that <code>megadisc web</code> printed in the terminal');
    }
  });

  it('weighs Accept-Language by q', async () => {
    const res = await request(h.port, '/', { headers: { 'Accept-Language': 'en;q=0.3, ru;q=0.8' } });
    expect(res.text).toContain('<html lang="ru">');
  });

  it('refuses other hosts and cross-site requests in the reader’s language', async () => {
    const host = await request(h.port, '/', { headers: { ...RU, Host: 'evil.example:80' } });
    expect(host.status).toBe(421);
    expect(host.text).toBe('этот сервер отвечает только на 127.0.0.1 и localhost\n');
    const site = await request(h.port, '/', { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(site.status).toBe(403);
    expect(site.text).toBe('cross-site requests are refused\n');
    const origin = await request(h.port, '/', { headers: { ...RU, Origin: 'http://evil.example' } });
    expect(origin.text).toBe('запросы с http://evil.example отклоняются\n');
  });

  it('answers pages that are not there in the reader’s language', async () => {
    const page = await request(h.port, `/?token=${h.host.token}`);
    const cookie = (page.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const missing = await request(h.port, '/assets/nope.js', { headers: { ...RU, Cookie: cookie } });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('не найдено\n');
    const post = await request(h.port, '/library', {
      method: 'POST',
      headers: { ...RU, Cookie: cookie, Origin: h.host.origin },
    });
    expect(post.status).toBe(405);
    expect(post.text).toBe('метод не разрешён\n');
  });

  it('keeps the API’s refusals a machine format, whatever the language', async () => {
    const res = await callApi(h.port, 'app.info', {}, { Origin: h.host.origin, ...RU });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHORIZED' }) });
    expect(res.text).not.toMatch(/[а-яё]/i);
  });

  it("takes the browser's languages from the app's own API calls, for the store's words in web mode", async () => {
    const res = await callApi(h.port, 'app.info', {}, { ...h.page, ...RU });
    expect(res.status).toBe(200);
    expect(h.host.browserLanguages()).toEqual(['ru-RU', 'ru', 'en-US', 'en']);
    // A call the host refuses does not get to say what the reader reads.
    const refused = await callApi(h.port, 'app.info', {}, { Origin: h.host.origin, 'Accept-Language': 'de' });
    expect(refused.status).toBe(401);
    expect(h.host.browserLanguages()).toEqual(['ru-RU', 'ru', 'en-US', 'en']);
  });
});
