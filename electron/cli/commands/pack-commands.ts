// packs, and topup --pack: buy megabytes through a checkout paid in the browser, then wait for the
// store to credit them.
import type { Checkout, PackTable } from '../../../api/schemas/payments.ts';
import type { Translator } from '../../../i18n/translator.ts';
import { settlementError, waitForPayment } from '../../core/payments/wait-for-payment.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { savingPercent } from '../../shared/pack-figures.ts';
import { type CliContext, requireInt, withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { formatMb, formatPercent, formatWhen, table } from '../render/format.ts';
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
      i18n.mb(p.bytes, 'fit'),
      i18n.money(p.price.micros, p.price.currency),
      i18n.money(p.pricePerMb.micros, p.pricePerMb.currency, { maxDigits: 4 }),
      i18n.money(p.listPrice.micros, p.listPrice.currency),
      p.saving.micros > 0
        ? i18n.t('cli.packs.saving', {
            percent: formatPercent(i18n, savingPercent(p)),
            amount: i18n.money(p.saving.micros, p.saving.currency),
          })
        : '',
    ]);
  }
  const { loyalty } = t;
  const perMb = i18n.money(t.perMb.micros, t.perMb.currency, { maxDigits: 4 });
  const discount = i18n.basisPoints(loyalty.basisPoints);
  const next = loyalty.next && {
    more: i18n.money(loyalty.next.spendMore.micros, loyalty.next.spendMore.currency),
    next: i18n.basisPoints(loyalty.next.basisPoints),
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
        amount: i18n.money(started.amount.micros, started.amount.currency),
        size: i18n.mb(started.bytes, 'fit'),
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
      size: i18n.mb(final.creditedBytes, 'fit'),
      amount: i18n.money(final.amount.micros, final.amount.currency),
    };
    out(
      balance
        ? i18n.t('cli.topup.creditedPack', { ...credited, available: formatMb(i18n, balance.availableBytes) })
        : i18n.t('cli.topup.creditedPackOnly', credited),
    );
  }
  return 0;
}
