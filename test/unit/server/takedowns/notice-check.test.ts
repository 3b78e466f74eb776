import { describe, expect, it } from 'vitest';
import { checkNotice, missingFields } from '../../../../server/takedowns/notice-check.ts';
import { receiptId } from '../../../../server/takedowns/takedown-notices.ts';

const complete = {
  claimant: { name: 'Ada', email: 'ada@example.com', address: '1 Rights Row' },
  onBehalfOf: 'Example Records',
  works: [{ type: 'album', id: 1 }],
  basis: 'We hold the exclusive rights.',
  goodFaith: true,
  accurate: true,
  signature: 'Ada',
};

describe('checkNotice', () => {
  it('accepts a complete notice, as a notice by default', () => {
    expect(checkNotice(complete)).toMatchObject({ kind: 'notice', onBehalfOf: 'Example Records' });
  });

  it('names every missing field, blank strings and unmade statements included', () => {
    expect(missingFields(null)).toEqual([
      'claimant.name',
      'claimant.email',
      'claimant.address',
      'onBehalfOf',
      'basis',
      'works',
      'goodFaith',
      'accurate',
      'signature',
    ]);
    expect(
      missingFields({ ...complete, claimant: { ...complete.claimant, address: '  ' }, goodFaith: 'yes' }),
    ).toEqual(['claimant.address', 'goodFaith']);
    expect(missingFields({ ...complete, kind: 'counter' })).toEqual(['refersTo']);
  });

  it('reports missing and invalid fields in one message, without zod echoing the missing ones', () => {
    const attempt = () =>
      checkNotice({ ...complete, claimant: { name: 'Ada', email: 'nope' }, basis: 'short', signature: '' });
    expect(attempt).toThrow(
      'the notice is incomplete: missing: claimant.address, signature; invalid: claimant.email (',
    );
    expect(attempt).toThrow(/; basis \(/);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'NOTICE_INCOMPLETE', status: 400 });
    }
  });

  it('refuses fields the contract does not know', () => {
    expect(() => checkNotice({ ...complete, extra: 1 })).toThrow(/invalid: .*extra/);
  });
});

describe('receiptId', () => {
  it('is TD- and 12 base32 characters, different each time', () => {
    const ids = new Set(Array.from({ length: 200 }, receiptId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^TD-[A-Z2-7]{12}$/);
  });
});
