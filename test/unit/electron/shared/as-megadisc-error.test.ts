import { describe, expect, it } from 'vitest';
import { asMegadiscError } from '../../../../electron/shared/as-megadisc-error.ts';
import { MegadiscError } from '../../../../electron/shared/errors.ts';

describe('asMegadiscError', () => {
  const err = (code: string) => Object.assign(new Error(code), { code });
  it('maps errno codes to user-facing, non-retryable errors', () => {
    expect(asMegadiscError(err('ENOSPC'), '/x')).toMatchObject({ code: 'DISK_FULL', retryable: false });
    expect(asMegadiscError(err('EDQUOT'), '/x')).toMatchObject({ code: 'DISK_FULL', retryable: false });
    for (const code of ['EACCES', 'EPERM', 'EROFS']) {
      expect(asMegadiscError(err(code), '/x')).toMatchObject({ code: 'PERMISSION_DENIED', retryable: false });
    }
    expect(asMegadiscError(err('EIO'), '/x')).toMatchObject({ code: 'INTERNAL', retryable: false });
  });

  it('keeps a MegadiscError, a known code and the context', () => {
    const known = new MegadiscError('NOT_FOUND', 'none');
    expect(asMegadiscError(known, 'ignored')).toBe(known);
    expect(asMegadiscError(new RangeError('too big'))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'too big',
    });
    expect(asMegadiscError(err('ENOENT'), 'cannot move a to b')).toMatchObject({
      code: 'INVALID_STATE',
      message: 'cannot move a to b: ENOENT',
    });
    expect(asMegadiscError(err('constructor'))).toMatchObject({ code: 'INTERNAL' });
    expect(asMegadiscError('plain')).toMatchObject({ code: 'INTERNAL', message: 'plain' });
  });
});
