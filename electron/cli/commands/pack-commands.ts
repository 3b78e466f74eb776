// packs, and topup --pack: buy megabytes through a checkout paid in the browser, then wait for the
// store to credit them.
import type { Checkout, PackTable } from '../../../api/schemas/payments.ts';
import { settlementError, waitForPayment } from '../../core/payments/wait-for-payment.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { formatPerMb, packSize, percentOf, savingPercent } from '../../shared/pack-figures.ts';
import { type CliContext, requireInt, withContext } from '../cli-context.ts';
import { formatMb, table } from '../render/format.ts';
import { paymentProgress } from '../render/payment-progress.ts';

/** How long past its expiry a checkout is still asked about: the store may settle it a little late. */
const EXPIRY_GRACE_MS = 15_000;

export function packsText(t: PackTable): string {
  const rows = [['pack', 'size', 'price', 'per MB', 'list', 'save']];
  for (const p of t.packs) {
    const save = savingPercent(p);
    rows.push([
      p.id,
      packSize(p.bytes),
      p.price.display,
      formatPerMb(p.pricePerMb),
      p.listPrice.display,
      p.saving.micros > 0 ? `${save}% (${p.saving.display})` : '',
    ]);
  }
  const { loyalty } = t;
  const now =
    loyalty.basisPoints > 0
      ? `loyalty discount ${percentOf(loyalty.basisPoints)}`
      : 'no loyalty discount yet';
  const next = loyalty.next
    ? `; spend ${loyalty.next.spendMore.display} more for ${percentOf(loyalty.next.basisPoints)} off`
    : loyalty.basisPoints > 0
      ? ' (the top tier)'
      : '';
  return `${table(rows, [1, 2, 3, 4])}\n1 MB costs ${formatPerMb(t.perMb)} one by one; ${now}${next}`;
}

export const packs = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print }) => {
    const t = await engine.packs();
    print(t, () => packsText(t));
    return 0;
  });

/** `megadisc topup --pack 500MB [--timeout SECONDS]`. */
export async function topupWithPack(ctx: CliContext, pack: string): Promise<number> {
  const { engine, json, values, out } = ctx;
  const timeoutS = typeof values.timeout === 'string' ? requireInt(values.timeout, '--timeout') : null;
  // With --json, stdout carries only the final checkout; what a person reads goes to stderr.
  const say = json ? (text: string) => process.stderr.write(`${text}\n`) : out;
  const started = await engine.checkout(pack);
  if (started.state === 'pending') {
    say(`pay ${started.amount.display} for ${packSize(started.bytes)} at ${started.payUrl ?? '(no page)'}`);
  }
  const deadline =
    timeoutS !== null ? Date.now() + timeoutS * 1000 : Date.parse(started.expiresAt) + EXPIRY_GRACE_MS;
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const progress = paymentProgress(process.stderr, started);
  let final: Checkout;
  try {
    final = await waitForPayment(() => engine.checkoutStatus(started.id), started, {
      deadline,
      signal: controller.signal,
      onPoll: progress.update,
      onTransientError: progress.trouble,
    });
  } catch (error) {
    if (error instanceof MegadiscError && error.code === 'ABORTED') {
      throw new MegadiscError(
        'ABORTED',
        `stopped waiting; if ${started.id} is paid before ${started.expiresAt}, the megabytes still arrive ("megadisc balance")`,
      );
    }
    throw error;
  } finally {
    progress.end();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (json) out(JSON.stringify(final, null, 2));
  const failed = settlementError(final);
  if (failed) throw failed;
  if (!json) {
    const balance = await engine.balance().catch(() => null);
    out(
      `credited ${packSize(final.creditedBytes)} (paid ${final.amount.display})` +
        (balance ? `; available now ${formatMb(balance.availableBytes)}` : ''),
    );
  }
  return 0;
}
