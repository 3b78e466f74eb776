// A 451 from the store keeps its code, its message and the notice it names (RFC 7725's blocked-by),
// and survives the app API's envelope.
import { describe, expect, it } from 'vitest';
import { blockedByLink, errorFromResponse } from '../../../../../electron/core/store-client/store-errors.ts';
import { toWireError, unwrap } from '../../../../../electron/shared/app-api/envelope.ts';
import { MegadiscError } from '../../../../../electron/shared/errors.ts';

const STORE = 'http://127.0.0.1:8700/v1/albums/3';
const body = (code: string, message: string) => JSON.stringify({ error: { code, message } });

describe('451 answers', () => {
  it('maps the three legal refusals to codes of the same names, with the blocked-by link', () => {
    const link = '<http://127.0.0.1:8700/v1/takedowns/TD-7Q2M9K4X>; rel="blocked-by"';
    for (const code of ['TAKEN_DOWN', 'NOT_IN_TERRITORY', 'REDOWNLOAD_WITHDRAWN'] as const) {
      const error = errorFromResponse(451, body(code, 'no longer sold here'), { link }, STORE);
      expect(error).toMatchObject({ code, status: 451, retryable: false });
      expect(error.message).toBe(`no longer sold here (${code})`);
      expect(error.link).toBe('http://127.0.0.1:8700/v1/takedowns/TD-7Q2M9K4X');
    }
  });

  it('reads an unknown 451 as a takedown', () => {
    expect(errorFromResponse(451, body('LEGAL_HOLD', 'held'), {}, STORE).code).toBe('TAKEN_DOWN');
  });

  it('finds blocked-by among other links, resolves relative targets, and refuses odd schemes', () => {
    expect(
      blockedByLink(
        '<https://example.org/terms>; rel="terms-of-service", </v1/takedowns/TD-1>; rel=blocked-by',
        STORE,
      ),
    ).toBe('http://127.0.0.1:8700/v1/takedowns/TD-1');
    expect(blockedByLink(['<a>; rel="next"', '<b>; rel="blocked-by"'], STORE)).toBe(
      'http://127.0.0.1:8700/v1/albums/b',
    );
    expect(blockedByLink('<javascript:alert(1)>; rel="blocked-by"', STORE)).toBeUndefined();
    expect(blockedByLink('<https://example.org/>; rel="next"', STORE)).toBeUndefined();
    expect(blockedByLink(undefined, STORE)).toBeUndefined();
  });

  it('keeps the link across the envelope', () => {
    const error = new MegadiscError('TAKEN_DOWN', 'gone', {
      link: 'http://127.0.0.1:8700/v1/takedowns/TD-1',
    });
    const wire = toWireError(error);
    expect(wire).toEqual({
      code: 'TAKEN_DOWN',
      message: 'gone',
      retryable: false,
      link: 'http://127.0.0.1:8700/v1/takedowns/TD-1',
    });
    let thrown: unknown;
    try {
      unwrap({ ok: false, error: wire });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'TAKEN_DOWN', link: 'http://127.0.0.1:8700/v1/takedowns/TD-1' });
    expect(toWireError(new MegadiscError('NOT_FOUND', 'none'))).not.toHaveProperty('link');
  });
});
