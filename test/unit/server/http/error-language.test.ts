// Every store error code has a message in every catalog, and a StoreError's params reach the
// translated message (sizes, dates and country names in the reader's locale).
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../../api/openapi.ts';
import { STORE_ERROR_CODES } from '../../../../api/schemas/error-codes.ts';
import { CATALOGS, LOCALES, type MessageKey } from '../../../../i18n/index.ts';
import { DbError } from '../../../../server/db/sql/db-error.ts';
import { StoreError } from '../../../../server/errors/store-error.ts';
import { installErrorHandling } from '../../../../server/http/error-handler.ts';
import { errorKey } from '../../../../server/http/error-language.ts';

// Compile time: a code without a `server.error.*` message is a type error here (and in errorKey).
const keys: readonly MessageKey[] = STORE_ERROR_CODES.map((code) => `server.error.${code}` as const);

describe('error messages in the catalogs', () => {
  it.each(LOCALES)('%s has a server.error.* message for every StoreErrorCode', (locale) => {
    const catalog = CATALOGS[locale] as Readonly<Record<string, string>>;
    const missing = keys.filter((key) => !catalog[key]?.trim());
    expect(missing).toEqual([]);
    expect(STORE_ERROR_CODES.map(errorKey)).toEqual(keys);
  });

  it('Russian translates every one of them', () => {
    const same = keys.filter((key) => CATALOGS.ru[key] === CATALOGS.en[key]);
    expect(same).toEqual([]);
  });
});

const app = Fastify();
beforeAll(async () => {
  installErrorHandling(app);
  app.get('/balance', () => {
    throw new StoreError(
      'INSUFFICIENT_BALANCE',
      402,
      'this order needs up to 12345678 bytes but only 4500000 bytes are available',
      { params: { neededBytes: 12_345_678, availableBytes: 4_500_000 } },
    );
  });
  app.get('/taken-down', () => {
    throw new StoreError('TAKEN_DOWN', 451, '"Ночь" by Кино is no longer sold here', {
      params: {
        title: 'Ночь',
        artist: 'Кино',
        since: '2026-03-05T12:00:00Z',
        onBehalfOf: 'Example Records Ltd',
      },
      headers: { link: '<http://store/v1/takedowns/tdn_1>; rel="blocked-by"' },
    });
  });
  app.get('/territory/:country', (request) => {
    const { country } = request.params as { country: string };
    throw new StoreError('NOT_IN_TERRITORY', 451, 'licensed for sale only in DE, FR', {
      params: {
        title: 'Ночь',
        artist: 'Кино',
        territories: ['DE', 'FR'],
        country: country === '-' ? null : country,
      },
    });
  });
  app.get('/limited', () => {
    throw new StoreError('RATE_LIMITED', 429, 'too many attempts; try again in 21 s', {
      headers: { 'retry-after': '21' },
    });
  });
  app.get('/plain', (_request, reply) => {
    reply.header('vary', 'Origin');
    throw new StoreError('LINK_EXPIRED', 403, 'the download link has expired');
  });
  app.get('/boom', () => {
    throw new Error('secret stack');
  });
  app.get('/db-lost', () => {
    throw new DbError('STORE_DB_UNAVAILABLE', 'connect ECONNREFUSED 10.0.0.5:5432');
  });
  app.get('/db-unsafe', () => {
    throw new DbError('DB_UNSAFE_INTEGER', 'value 9007199254740993 in column x');
  });
  await app.ready();
});
afterAll(() => app.close());

const get = async (url: string, language?: string) => {
  const res = await app.inject({ url, headers: language ? { 'accept-language': language } : {} });
  return { res, error: res.json().error as { code: string; message: string; detail?: string } };
};
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('params in the translated message', () => {
  it('sizes in the reader’s locale; English keeps the store’s own text', async () => {
    const ru = await get('/balance', 'ru');
    expect(plain(ru.error.message)).toBe(
      'Недостаточно мегабайтов: заказу нужно до 12,3 МБ, а доступно только 4,5 МБ.',
    );
    expect(ru.error.detail).toBe(
      'this order needs up to 12345678 bytes but only 4500000 bytes are available',
    );
    const en = await get('/balance');
    expect(en.error).toEqual({
      code: 'INSUFFICIENT_BALANCE',
      message: 'this order needs up to 12345678 bytes but only 4500000 bytes are available',
    });
    expect(en.res.statusCode).toBe(402);
  });

  it('a takedown names the release and the day', async () => {
    const { res, error } = await get('/taken-down', 'ru;q=0.9, en;q=0.1');
    expect(error.message).toBe(
      '«Ночь» (Кино) больше не продаётся: релиз снят с продажи 5 марта 2026 г. по уведомлению от имени Example Records Ltd.',
    );
    expect(res.headers.link).toContain('rel="blocked-by"');
  });

  it('territories and the buyer’s country by name; anonymous buyers are asked to say where they are', async () => {
    expect((await get('/territory/US', 'ru')).error.message).toBe(
      '«Ночь» (Кино) продаётся только здесь: Германия и Франция. Ваша страна: Соединенные Штаты.',
    );
    expect((await get('/territory/-', 'ru')).error.message).toBe(
      '«Ночь» (Кино) продаётся только здесь: Германия и Франция. Войдите или укажите свою страну.',
    );
  });

  it('the wait from Retry-After, with Russian plurals', async () => {
    const { res, error } = await get('/limited', 'ru');
    expect(error.message).toBe('Слишком много попыток. Попробуйте снова через 21 секунду.');
    expect(res.headers['retry-after']).toBe('21');
  });

  it('Vary keeps what the route set and adds Accept-Language', async () => {
    const { res, error } = await get('/plain', 'ru');
    expect(error.message).toBe('Ссылка на скачивание недействительна или устарела.');
    expect(res.headers.vary).toBe('Origin, Accept-Language');
    expect(res.headers['content-language']).toBe('ru');
  });

  it('an unexpected error says nothing of its insides, in either language', async () => {
    expect((await get('/boom', 'ru')).error).toEqual({
      code: 'INTERNAL',
      message: 'Внутренняя ошибка магазина.',
      detail: 'internal error',
    });
    expect((await get('/boom', 'en')).error).toEqual({ code: 'INTERNAL', message: 'internal error' });
  });
});

describe('storage port errors', () => {
  it('a lost database is a 503 with Retry-After, without the driver’s text', async () => {
    const ru = await get('/db-lost', 'ru');
    expect(ru.res.statusCode).toBe(503);
    expect(ru.res.headers['retry-after']).toBe('1');
    expect(ru.error.code).toBe('STORE_DB_UNAVAILABLE');
    expect(ru.error.message).toBe(CATALOGS.ru['server.error.STORE_DB_UNAVAILABLE']);
    expect(JSON.stringify(ru.error)).not.toContain('10.0.0.5');
  });

  it('its other errors are the store’s own faults', async () => {
    const { res, error } = await get('/db-unsafe', 'en');
    expect(res.statusCode).toBe(500);
    expect(error).toEqual({ code: 'INTERNAL', message: 'internal error' });
  });
});

describe('the OpenAPI document', () => {
  it('describes the error body, detail included, and the Content-Language of error replies', () => {
    const doc = buildOpenApi() as any;
    const error = doc.components.schemas.Error;
    expect(error.$ref).toBeUndefined();
    expect(Object.keys(error.properties.error.properties)).toEqual(['code', 'message', 'detail']);
    expect(error.properties.error.required).toEqual(['code', 'message']);
    const refused = doc.paths['/v1/orders'].post.responses['402'];
    expect(refused.headers['Content-Language'].schema.enum).toEqual(['en', 'ru']);
  });
});
