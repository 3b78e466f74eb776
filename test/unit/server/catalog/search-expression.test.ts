import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../../server/accounts/rate-limiter.ts';
import { toMatchExpression } from '../../../../server/catalog/search.ts';

describe('toMatchExpression', () => {
  it.each([
    ['daft punk', '"daft" "punk"*'],
    ['  Café  ', '"cafe"*'],
    ['"quoted" OR title:xy', '"quoted" "or" "title" "xy"*'],
    ['NEAR(a bc)', '"near" "a" "bc"*'],
    ['Кино', '("кино"* OR "kino"*)'],
    ['ЁЛКА с', '("елка" OR "elka") AND ("с" OR "s")'],
    ['объ ъ', '("объ" OR "ob") AND "ъ"'],
    ['***', null],
    ['s', '"s"'],
    ['mo', '"mo"*'],
    ['tsoi', '("tsoi"* OR "tsoy"*)'],
    ['Yolka', '("yolka"* OR "elka"*)'],
    ['yol', '("yol"* OR "el"*)'],
    ['yo', '"yo"*'],
    ['viktor tsoi', '"viktor" AND ("tsoi"* OR "tsoy"*)'],
    ['tsoi kino', '("tsoi" OR "tsoy") AND "kino"*'],
    ['moon s', '"moon" "s"'],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(toMatchExpression(input)).toBe(expected);
  });

  it('caps the number of words', () => {
    expect(toMatchExpression('a b c d e f g h i j k')!.split(' ')).toHaveLength(8);
  });
});

describe('RateLimiter', () => {
  it('blocks after max failures until the window passes', () => {
    let now = 0;
    const limiter = new RateLimiter({ max: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 3; i++) {
      limiter.check(['k']);
      limiter.fail(['k']);
    }
    expect(() => limiter.check(['k'])).toThrow(expect.objectContaining({ status: 429 }));
    expect(() => limiter.check(['other'])).not.toThrow();
    now = 1001;
    expect(() => limiter.check(['k'])).not.toThrow();
  });
});
