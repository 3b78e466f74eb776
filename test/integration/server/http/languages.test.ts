// The store speaks English and Russian, by Accept-Language, against the real server on loopback:
// error messages (codes never change), Content-Language and Vary, and the test provider's pages.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout, submitPayment, TEST_CARDS } from '../../../helpers/payments.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let operator: StoreApi;
let licensedInGermany: { id: number; title: string };

const RU = 'ru-RU,ru;q=0.9,en;q=0.8';
/** German first, which the store does not speak: Russian is the first language it does, by q. */
const DE_THEN_RU = 'de-DE, ru;q=0.5';

beforeAll(async () => {
  server = await startTestServer();
  operator = new StoreApi(server.url, await server.store.operatorToken.issue());
  [licensedInGermany] = (await new StoreApi(server.url).get('/v1/albums?sort=title&limit=1')).body.items;
  const set = await operator.post(`/v1/operator/albums/${licensedInGermany.id}/territories`, {
    territories: ['DE'],
  });
  if (set.status !== 200) throw new Error(`territories: ${set.status} ${JSON.stringify(set.body)}`);
});
afterAll(() => server?.dispose());

/** A request with exactly the headers given: no Accept-Language unless one is passed. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

type Ask = (language: string | undefined) => ReturnType<typeof raw>;

async function fundedAccount(megabytes: number): Promise<string> {
  const api = await new StoreApi(server.url).register();
  if (megabytes > 0) {
    const code = await server.store.vouchers.create(megabytes * 1_000_000);
    expect((await api.post('/v1/account/vouchers', { code })).status).toBe(200);
  }
  return api.token!;
}

const json = (token?: string, language?: string) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...(language ? { 'accept-language': language } : {}),
});

/** Each case: the code, how to provoke it, the English message and the Russian one. */
const cases: [string, () => Promise<Ask>, RegExp, RegExp][] = [
  [
    'UNAUTHORIZED',
    async () => (language) => raw('GET', '/v1/account', json(undefined, language)),
    /^this endpoint needs a bearer token$/,
    /^Сессия недействительна\. Войдите снова\.$/,
  ],
  [
    'NOT_FOUND',
    async () => (language) => raw('GET', '/v1/no-such-thing?x=1', json(undefined, language)),
    /^no route for GET \/v1\/no-such-thing$/,
    /^По адресу GET \/v1\/no-such-thing ничего нет\.$/,
  ],
  [
    'VALIDATION_FAILED',
    async () => (language) =>
      raw(
        'POST',
        '/v1/accounts',
        json(undefined, language),
        JSON.stringify({ email: `v-${randomUUID()}@example.com`, password: 'short' }),
      ),
    /^invalid body: password: /,
    /^Неверное значение «password» в теле запроса\.$/,
  ],
  [
    'INSUFFICIENT_BALANCE',
    async () => {
      const token = await fundedAccount(0);
      const [album] = (await new StoreApi(server.url).get('/v1/albums?sort=title&limit=2')).body.items.slice(
        1,
      );
      return (language) =>
        raw(
          'POST',
          '/v1/orders',
          { ...json(token, language), 'idempotency-key': `lang-${randomUUID()}` },
          JSON.stringify({ albumId: album.id, encoding: 'flac' }),
        );
    },
    /^this order needs up to \d+ bytes but only 0 bytes are available$/,
    /^Недостаточно мегабайтов/,
  ],
  [
    'NOT_IN_TERRITORY',
    async () => (language) =>
      raw('GET', `/v1/albums/${licensedInGermany.id}/prices?country=US`, json(undefined, language)),
    /licensed for sale only in DE; not in US$/,
    /^Релиз не продаётся в вашей стране\.$|продаётся только здесь: Германия/,
  ],
  [
    'VOUCHER_USED',
    async () => {
      const token = await fundedAccount(0);
      const code = await server.store.vouchers.create(10_000_000);
      expect((await raw('POST', '/v1/account/vouchers', json(token), JSON.stringify({ code }))).status).toBe(
        200,
      );
      return (language) =>
        raw('POST', '/v1/account/vouchers', json(token, language), JSON.stringify({ code }));
    },
    /^this voucher has already been redeemed$/,
    /^Ваучер уже использован\.$/,
  ],
];

const varies = (headers: Record<string, string | string[] | undefined>) =>
  String(headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

describe.each(cases)('%s', (code, setup, english, russian) => {
  let ask: Ask;
  beforeAll(async () => {
    ask = await setup();
  });

  it.each([RU, DE_THEN_RU, 'ru'])(
    'is in Russian for Accept-Language: %s, with the English as detail',
    async (language) => {
      const res = await ask(language);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(russian);
      expect(res.body.error.detail).toMatch(english);
      expect(res.headers['content-language']).toBe('ru');
      expect(varies(res.headers)).toContain('accept-language');
    },
  );

  it.each([undefined, 'en', 'en-GB,en;q=0.9', 'fr-FR, de;q=0.8'])(
    'is the store’s own English for Accept-Language: %s',
    async (language) => {
      const res = await ask(language);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(english);
      expect(res.body.error).not.toHaveProperty('detail');
      expect(res.headers['content-language']).toBe('en');
      expect(varies(res.headers)).toContain('accept-language');
    },
  );

  it('keeps the status whatever the language', async () => {
    expect((await ask(RU)).status).toBe((await ask('en')).status);
  });
});

describe('errors fastify raises itself', () => {
  it('413 for a body over the limit, in Russian', async () => {
    const res = await raw(
      'POST',
      '/v1/sessions',
      json(undefined, RU),
      JSON.stringify({ email: 'x@example.com', password: 'x'.repeat(40_000) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      code: 'BODY_TOO_LARGE',
      message: 'Тело запроса слишком большое.',
      detail: 'request body is too large',
    });
    expect(res.headers['content-language']).toBe('ru');
  });

  it('400 for a malformed URL: the store’s error body, not fastify’s, in Russian', async () => {
    const res = await raw('GET', '/v1/albums/%zz', { 'accept-language': RU });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'Неверный запрос.',
      detail: 'the URL is not valid',
    });
    expect(res.headers['content-language']).toBe('ru');
    expect((await raw('GET', '/v1/albums/%zz')).body.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'the URL is not valid',
    });
  });

  it('400 for broken JSON, in English by default', async () => {
    const res = await raw('POST', '/v1/sessions', json(), '{"email":');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'INVALID_JSON', message: 'request body is not valid JSON' });
  });
});

describe('the test provider’s pages', () => {
  it('are in Russian for a Russian browser, with lang="ru" and the amount in Russian', async () => {
    const buyer = await new StoreApi(server.url).register();
    const created = await checkout(buyer, '100MB');
    expect(created.status).toBe(201);
    const res = await fetch(created.body.payUrl, { headers: { 'accept-language': RU } });
    const html = await res.text();
    expect(res.headers.get('content-language')).toBe('ru');
    expect(varies({ vary: res.headers.get('vary') ?? '' })).toContain('accept-language');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<label for="card">Номер карты</label>');
    expect(html).toContain('Тестовые платежи Megadisc: настоящие деньги не списываются.');
    expect(html.replace(/[\u00a0\u202f]/g, ' ')).toContain('Оплатить 2,00 $');
    expect(html).toContain(`<code>${TEST_CARDS.succeeds}</code> — оплата проходит`);
    expect(html).not.toMatch(/Card number|Pay \$/);

    const declined = await fetch(created.body.payUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': DE_THEN_RU },
      body: new URLSearchParams({ card: TEST_CARDS.declines }).toString(),
    });
    const declinedHtml = await declined.text();
    expect(declinedHtml).toContain('<html lang="ru">');
    expect(declinedHtml).toContain('<h1 class="bad">Платёж отклонён</h1>');
    expect(declinedHtml).toContain('Карта отклонена. Деньги не списаны.');
    // What the store records stays the provider's English reason.
    expect((await buyer.get(`/v1/checkouts/${created.body.id}`)).body.failure).toBe('The card was declined.');
  });

  it('stay in English without a Russian preference', async () => {
    const buyer = await new StoreApi(server.url).register();
    const created = await checkout(buyer, '100MB');
    const res = await fetch(created.body.payUrl, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    const html = await res.text();
    expect(res.headers.get('content-language')).toBe('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="card">Card number</label>');
    expect(html).toContain('Pay $2.00');
    const paid = await submitPayment(created.body.payUrl, { card: TEST_CARDS.succeeds });
    expect(paid.heading).toBe('Payment complete');
    expect(paid.html).toContain('<html lang="en">');
  });

  it('say "no such payment" in Russian too', async () => {
    const res = await fetch(`${server.url}/test-provider/pay/pay_nosuchpayment00`, {
      headers: { 'accept-language': 'ru' },
    });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Такого платежа нет');
  });
});
