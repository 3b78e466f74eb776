// Buying a pack: start the checkout, open its payment page, then ask the store about once a second
// until the payment lands, fails or the listener stops waiting. One poll at a time, on the injected
// clock, and none once the screen is gone.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Checkout } from '../../../api/schemas/payments.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { useAppStatus } from '../../app/app-status.tsx';
import { useTimers } from '../../app/timers.tsx';
import { useAction } from '../../app/use-action.ts';

export const POLL_MS = 1000;
/** How long past its expiry a checkout is still asked about: the store may settle it a little late. */
const EXPIRY_GRACE_MS = 60_000;

export type CheckoutProgress =
  | { phase: 'idle' }
  | { phase: 'waiting'; checkout: Checkout; trouble: MegadiscError | null }
  | { phase: 'paid'; checkout: Checkout }
  /** declined, expired or refunded, as the store says; noAnswer: still pending long after expiry. */
  | { phase: 'failed'; checkout: Checkout; noAnswer?: boolean }
  | { phase: 'stopped'; checkout: Checkout };

/**
 * Opens a payment page in a new tab (web mode) or, through the desktop shell's window-open policy,
 * in the system browser. noopener: the provider's page gets no handle on this window.
 */
export function openPaymentPage(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

export function useCheckout(onCredited: () => void) {
  const api = useApi();
  const timers = useTimers();
  const { refresh } = useAppStatus();
  const { busy, error, run, clearError } = useAction();
  const [progress, setProgress] = useState<CheckoutProgress>({ phase: 'idle' });
  // A ref: the caller's callback may be a new function on every render.
  const credited = useRef(onCredited);
  credited.current = onCredited;

  const land = useCallback(
    (checkout: Checkout): CheckoutProgress => {
      if (checkout.state === 'paid') return { phase: 'paid', checkout };
      if (checkout.state !== 'pending') return { phase: 'failed', checkout };
      if (timers.now() > Date.parse(checkout.expiresAt) + EXPIRY_GRACE_MS) {
        return { phase: 'failed', checkout, noAnswer: true };
      }
      return { phase: 'waiting', checkout, trouble: null };
    },
    [timers],
  );

  const start = useCallback(
    async (packId: string) => {
      setProgress({ phase: 'idle' });
      const result = await run(() => api['account.checkout']({ packId }));
      if (!result.ok) return;
      const checkout = result.value;
      if (checkout.payUrl) openPaymentPage(checkout.payUrl);
      setProgress(land(checkout));
    },
    [api, run, land],
  );

  const waitingId = progress.phase === 'waiting' ? progress.checkout.id : null;
  // Every answer makes a new progress object, and with it the next poll: one at a time, never a loop.
  useEffect(() => {
    if (progress.phase !== 'waiting' || !waitingId) return;
    let live = true;
    const cancel = timers.after(POLL_MS, () => {
      api['account.checkoutStatus']({ id: waitingId }).then(
        (checkout) => {
          if (live) setProgress(land(checkout));
        },
        (trouble: MegadiscError) => {
          if (live) setProgress((p) => (p.phase === 'waiting' ? { ...p, trouble } : p));
        },
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [api, timers, land, progress, waitingId]);

  const landedPaid = progress.phase === 'paid' ? progress.checkout.id : null;
  useEffect(() => {
    if (!landedPaid) return;
    // The core synced the ledger (and said 'balance'); the status bar and the tables catch up too.
    refresh();
    credited.current();
  }, [landedPaid, refresh]);

  const stop = useCallback(
    () => setProgress((p) => (p.phase === 'waiting' ? { phase: 'stopped', checkout: p.checkout } : p)),
    [],
  );
  const dismiss = useCallback(() => {
    setProgress({ phase: 'idle' });
    clearError();
  }, [clearError]);

  return { progress, starting: busy, error, start, stop, dismiss };
}
