// Waiting for a checkout: steady polls on an injected clock, until it settles, the deadline or abort.
import { describe, expect, it } from 'vitest';
import type { Checkout } from '../../../../../api/schemas/payments.ts';
import { settlementError, waitForPayment } from '../../../../../electron/core/payments/wait-for-payment.ts';
import { MegadiscError } from '../../../../../electron/shared/errors.ts';
import { checkout, paidCheckout } from '../../../../helpers/payment-fixtures.ts';

function clock() {
  let t = 0;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

function answers(...list: (Checkout | Error)[]) {
  let calls = 0;
  return {
    check: async () => {
      const next = list[Math.min(calls++, list.length - 1)]!;
      if (next instanceof Error) throw next;
      return next;
    },
    calls: () => calls,
  };
}

describe('waitForPayment', () => {
  it('asks once a second until the checkout is paid', async () => {
    const c = clock();
    const store = answers(checkout(), checkout(), paidCheckout());
    const polls: string[] = [];
    const final = await waitForPayment(store.check, checkout(), {
      deadline: 60_000,
      ...c,
      onPoll: (x) => polls.push(x.state),
    });
    expect(final.state).toBe('paid');
    expect(c.slept).toEqual([1000, 1000, 1000]);
    expect(polls).toEqual(['pending', 'pending', 'paid']);
  });

  it('returns a declined checkout as it is; settlementError says what it means', async () => {
    const c = clock();
    const declined = checkout({ state: 'declined', payUrl: null, failure: 'Your card was declined.' });
    const final = await waitForPayment(answers(declined).check, checkout(), { deadline: 60_000, ...c });
    expect(settlementError(final)).toMatchObject({
      code: 'PAYMENT_DECLINED',
      message: 'the payment was declined: Your card was declined; nothing was charged',
    });
    expect(settlementError(checkout({ state: 'expired', failure: null }))).toMatchObject({
      code: 'CHECKOUT_EXPIRED',
    });
    expect(settlementError(paidCheckout())).toBeNull();
  });

  it('keeps waiting through a store that does not answer for a while', async () => {
    const c = clock();
    const down = new MegadiscError('STORE_UNREACHABLE', 'down', { retryable: true });
    const troubles: string[] = [];
    const store = answers(down, down, paidCheckout());
    const final = await waitForPayment(store.check, checkout(), {
      deadline: 60_000,
      ...c,
      onTransientError: (e) => troubles.push(e.code),
    });
    expect(final.state).toBe('paid');
    expect(troubles).toEqual(['STORE_UNREACHABLE', 'STORE_UNREACHABLE']);
  });

  it('gives up at the deadline with PAYMENT_PENDING, after a last look', async () => {
    const c = clock();
    const store = answers(checkout());
    await expect(waitForPayment(store.check, checkout(), { deadline: 2500, ...c })).rejects.toMatchObject({
      code: 'PAYMENT_PENDING',
    });
    expect(c.slept).toEqual([1000, 1000, 500]);
    expect(store.calls()).toBe(3);
  });

  it('stops at once when aborted, and passes on errors that will not go away', async () => {
    const controller = new AbortController();
    const c = clock();
    const store = answers(checkout());
    const sleep = async (ms: number) => {
      await c.sleep(ms);
      controller.abort();
    };
    await expect(
      waitForPayment(store.check, checkout(), {
        deadline: 60_000,
        now: c.now,
        sleep,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    expect(store.calls()).toBe(0);

    const gone = answers(new MegadiscError('NOT_FOUND', 'no such checkout'));
    await expect(
      waitForPayment(gone.check, checkout(), { deadline: 60_000, ...clock() }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
