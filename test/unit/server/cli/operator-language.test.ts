// The operator commands' language and their one-line refusals: which locale `megadisc server …`
// speaks without --lang, and how a store error reads (the catalog's text for its code, with the
// store's English message as detail and the code), as the client CLI prints them.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../i18n/index.ts';
import { operatorI18n, refusalText } from '../../../../server/cli/operator-kit.ts';
import { StoreError } from '../../../../server/errors/store-error.ts';

const en = translator('en');
const ru = translator('ru');
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the operator’s language', () => {
  it('follows the locale megadisc chose, else LC_ALL, LC_MESSAGES, LANG and LANGUAGE; English by default', () => {
    expect(operatorI18n('ru', { LANG: 'en_US.UTF-8' }).locale).toBe('ru');
    expect(operatorI18n(undefined, { LANG: 'ru_RU.UTF-8' }).locale).toBe('ru');
    expect(operatorI18n(undefined, { LANG: 'ru_RU.UTF-8', LC_ALL: 'en_GB.UTF-8' }).locale).toBe('en');
    expect(operatorI18n(undefined, { LANG: 'C.UTF-8', LANGUAGE: 'ru:en' }).locale).toBe('ru');
    expect(operatorI18n(undefined, { LANG: 'C' }).locale).toBe('en');
    expect(operatorI18n(undefined, { LANG: 'de_DE.UTF-8' }).locale).toBe('en');
    expect(operatorI18n(undefined, {}).locale).toBe('en');
  });
});

describe('a refusal in one line', () => {
  it('gives the catalog’s text for the code, the English message as detail, and the code', () => {
    const error = new StoreError('NOT_REFUNDABLE', 409, 'pay_1 is already refunded');
    expect(refusalText(ru, error)).toBe(
      `${ru.t('server.error.NOT_REFUNDABLE')} Подробности: pay_1 is already refunded (NOT_REFUNDABLE)`,
    );
    expect(refusalText(en, error)).toBe(
      'This cannot be refunded. Details: pay_1 is already refunded (NOT_REFUNDABLE)',
    );
  });

  it('names the error’s params in the reader’s language where the catalog can', () => {
    const error = new StoreError('INSUFFICIENT_BALANCE', 402, 'need 12000000 bytes, have 5000000', {
      params: { neededBytes: 12_000_000, availableBytes: 5_000_000 },
    });
    const line = plain(refusalText(ru, error));
    expect(line).toContain('12,0 МБ');
    expect(line).toMatch(/Подробности: need 12000000 bytes, have 5000000 \(INSUFFICIENT_BALANCE\)$/);
  });

  it('keeps a code the catalog does not know, and a message without a code, as they are', () => {
    const fsError = Object.assign(new Error('ENOENT: no such file, open packs.json'), { code: 'ENOENT' });
    expect(refusalText(ru, fsError)).toBe('ENOENT: no such file, open packs.json (ENOENT)');
    expect(refusalText(ru, new Error('disk on fire\nstack…'))).toBe('disk on fire');
  });
});
