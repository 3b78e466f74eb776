// packs, and topup --pack: buy megabytes through a checkout paid in the browser, then wait for the
// store to credit them.
import type { Checkout, PackTable } from '../../../api/schemas/payments.ts';
import type { Translator } from '../../../i18n/translator.ts';
import { settlementError, waitForPayment } from '../../core/payments/wait-for-payment.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { savingPercent } from '../../shared/pack-figures.ts';
import { type CliContext, requireInt, withContext } from '../cli-context.ts';
import { CliError } from '../cli-error.ts';
import {
  formatBasisPoints,
  formatMb,
  formatMoney,
  formatPackSize,
  formatPercent,
  formatPerMb,
  formatWhen,
  table,
} from '../render/format.ts';
import { paymentProgress } from '../render/payment-progress.ts';

/** How long past its expiry a checkout is still asked about: the store may settle it a little late. */
const EXPIRY_GRACE_MS = 15_000;

export function packsText(i18n: Translator, t: PackTable): string {
  const rows = [
    [
      i18n.t('cli.packs.pack'),
      i18n.t('cli.packs.size'),
      i18n.t('cli.packs.price'),
      i18n.t('cli.packs.perMb'),
      i18n.t('cli.packs.list'),
      i18n.t('cli.packs.save'),
    ],
  ];
  for (const p of t.packs) {
    rows.push([
      p.id,
      formatPackSize(i18n, p.bytes),
      formatMoney(i18n, p.price),
      formatPerMb(i18n, p.pricePerMb),
      formatMoney(i18n, p.listPrice),
      p.saving.micros > 0
        ? i18n.t('cli.packs.saving', {
            percent: formatPercent(i18n, savingPercent(p)),
            amount: formatMoney(i18n, p.saving),
          })
        : '',
    ]);
  }
  const { loyalty } = t;
  const perMb = formatPerMb(i18n, t.perMb);
  const discount = formatBasisPoints(i18n, loyalty.basisPoints);
  const next = loyalty.next && {
    more: formatMoney(i18n, loyalty.next.spendMore),
    next: formatBasisPoints(i18n, loyalty.next.basisPoints),
  };
  const footer =
    loyalty.basisPoints > 0
      ? next
        ? i18n.t('cli.packs.footer.tier', { perMb, discount, ...next })
        : i18n.t('cli.packs.footer.top', { perMb, discount })
      : next
        ? i18n.t('cli.packs.footer.first', { perMb, ...next })
        : i18n.t('cli.packs.footer.noTiers', { perMb });
  return `${table(rows, [1, 2, 3, 4])}\n${footer}`;
}

export const packs = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print, i18n }) => {
    const t = await engine.packs();
    print(t, () => packsText(i18n, t));
    return 0;
  });

/** `megadisc topup --pack 500MB [--timeout SECONDS]`. */
export async function topupWithPack(ctx: CliContext, pack: string): Promise<number> {
  const { engine, json, values, out, i18n } = ctx;
  const timeoutS = typeof values.timeout === 'string' ? requireInt(values.timeout, '--timeout') : null;
  // With --json, stdout carries only the final checkout; what a person reads goes to stderr.
  const say = json ? (text: string) => process.stderr.write(`${text}\n`) : out;
  const started = await engine.checkout(pack);
  if (started.state === 'pending') {
    say(
      i18n.t('cli.topup.pay', {
        amount: formatMoney(i18n, started.amount),
        size: formatPackSize(i18n, started.bytes),
        url: started.payUrl ?? i18n.t('cli.topup.noPage'),
      }),
    );
  }
  const deadline =
    timeoutS !== null ? Date.now() + timeoutS * 1000 : Date.parse(started.expiresAt) + EXPIRY_GRACE_MS;
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const progress = paymentProgress(i18n, process.stderr, started);
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
      throw new CliError(
        'ABORTED',
        i18n.t('cli.topup.stoppedWaiting', {
          checkout: started.id,
          expires: formatWhen(i18n, started.expiresAt),
        }),
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
    const credited = {
      size: formatPackSize(i18n, final.creditedBytes),
      amount: formatMoney(i18n, final.amount),
    };
    out(
      balance
        ? i18n.t('cli.topup.creditedPack', { ...credited, available: formatMb(i18n, balance.availableBytes) })
        : i18n.t('cli.topup.creditedPackOnly', credited),
    );
  }
  return 0;
}
