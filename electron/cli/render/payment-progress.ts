// One line that says the CLI is waiting for a payment: redrawn in place on a TTY, a single plain
// line otherwise, so logs and pipes get no spinner noise.
import type { Checkout } from '../../../api/schemas/payments.ts';
import type { MegadiscError } from '../../shared/errors.ts';
import { formatDuration } from './format.ts';

const SPINNER = ['|', '/', '-', '\\'];

export function paymentProgress(
  out: NodeJS.WriteStream,
  checkout: Checkout,
  now: () => number = Date.now,
): { update: (c: Checkout) => void; trouble: (e: MegadiscError) => void; end: () => void } {
  const tty = Boolean(out.isTTY);
  const since = now();
  const expires = Date.parse(checkout.expiresAt);
  let frame = 0;
  let note = '';
  let drawn = false;

  const draw = () => {
    if (!tty) return;
    const elapsed = formatDuration(now() - since);
    const left = Math.max(0, expires - now());
    const text = `${SPINNER[frame++ % SPINNER.length]} waiting for payment ${elapsed} (expires in ${formatDuration(left)})${note}`;
    out.write(`\r\x1b[2K${text}`);
    drawn = true;
  };

  if (checkout.state === 'pending') {
    if (tty) draw();
    else out.write('waiting for payment (Ctrl-C stops waiting)\n');
  }
  return {
    update: () => {
      note = '';
      draw();
    },
    trouble: (error) => {
      note = ` (store not answering: ${error.code})`;
      draw();
    },
    end: () => {
      if (drawn) out.write('\r\x1b[2K');
    },
  };
}
