// One line that says the CLI is waiting for a payment: redrawn in place on a TTY, a single plain
// line otherwise, so logs and pipes get no spinner noise.
import type { Checkout } from '../../../api/schemas/payments.ts';
import type { Translator } from '../../../i18n/translator.ts';
import type { MegadiscError } from '../../shared/errors.ts';
import { formatDuration } from './format.ts';

const SPINNER = ['|', '/', '-', '\\'];

export function paymentProgress(
  i18n: Translator,
  out: NodeJS.WriteStream,
  checkout: Checkout,
  now: () => number = Date.now,
): { update: (c: Checkout) => void; trouble: (e: MegadiscError) => void; end: () => void } {
  const tty = Boolean(out.isTTY);
  const since = now();
  const expires = Date.parse(checkout.expiresAt);
  let frame = 0;
  let trouble: string | null = null;
  let drawn = false;

  const draw = () => {
    if (!tty) return;
    const elapsed = formatDuration(now() - since);
    const left = formatDuration(Math.max(0, expires - now()));
    const text =
      trouble === null
        ? i18n.t('cli.payment.waitingFor', { elapsed, left })
        : i18n.t('cli.payment.waitingTrouble', { elapsed, left, code: trouble });
    out.write(`\r\x1b[2K${SPINNER[frame++ % SPINNER.length]} ${text}`);
    drawn = true;
  };

  if (checkout.state === 'pending') {
    if (tty) draw();
    else out.write(`${i18n.t('cli.payment.waiting')}\n`);
  }
  return {
    update: () => {
      trouble = null;
      draw();
    },
    trouble: (error) => {
      trouble = error.code;
      draw();
    },
    end: () => {
      if (drawn) out.write('\r\x1b[2K');
    },
  };
}
