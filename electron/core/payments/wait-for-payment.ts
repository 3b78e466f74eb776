// Waiting for a checkout to be paid: polls the store at a steady pace until the checkout settles,
// the deadline passes or the caller gives up. Clock and sleep are injected for tests.
import type { Checkout } from '../../../api/schemas/payments.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { wakeableSleep } from '../time/sleep.ts';

export interface WaitForPaymentOptions {
  /** Stop waiting at this time (ms since the epoch). */
  deadline: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Wall-clock ms, as the deadline is (default Date.now). */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Every answer, pending ones included, for a progress line. */
  onPoll?: (checkout: Checkout) => void;
  /** A poll that failed but may work next time (store out of reach, 5xx). */
  onTransientError?: (error: MegadiscError) => void;
}

export function isSettled(checkout: Checkout): boolean {
  return checkout.state !== 'pending';
}

/** What a settled checkout means to the buyer who waited for it: null when it was paid. */
export function settlementError(checkout: Checkout): MegadiscError | null {
  // The store's reason is a sentence; here it becomes a clause of one line.
  const reason = checkout.failure?.trim().replace(/[.!\s]+$/, '');
  switch (checkout.state) {
    case 'paid':
    case 'pending':
      return null;
    case 'declined':
      return new MegadiscError(
        'PAYMENT_DECLINED',
        `the payment was declined${reason ? `: ${reason}` : ''}; nothing was charged`,
      );
    case 'expired':
      return new MegadiscError(
        'CHECKOUT_EXPIRED',
        `the checkout expired before it was paid${reason ? `: ${reason}` : ''}; nothing was charged`,
      );
    case 'refunded':
      return new MegadiscError('INVALID_STATE', `checkout ${checkout.id} was paid, then refunded`);
  }
}

export async function waitForPayment(
  check: () => Promise<Checkout>,
  first: Checkout,
  options: WaitForPaymentOptions,
): Promise<Checkout> {
  const { deadline, intervalMs = 1000, signal, now = Date.now, sleep = wakeableSleep } = options;
  let latest = first;
  while (!isSettled(latest)) {
    const left = deadline - now();
    if (left <= 0) {
      throw new MegadiscError(
        'PAYMENT_PENDING',
        `still waiting for the payment of ${latest.id}; it can be paid until ${latest.expiresAt}`,
      );
    }
    await sleep(Math.min(intervalMs, left), signal);
    if (signal?.aborted)
      throw new MegadiscError('ABORTED', `stopped waiting for the payment of ${latest.id}`);
    try {
      latest = await check();
    } catch (error) {
      const transient =
        error instanceof MegadiscError && (error.retryable || error.code === 'STORE_UNREACHABLE');
      if (!transient) throw error;
      options.onTransientError?.(error);
      continue;
    }
    options.onPoll?.(latest);
  }
  return latest;
}
