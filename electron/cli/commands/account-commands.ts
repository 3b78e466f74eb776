// login, logout, balance, ledger, topup (a voucher CODE, or --pack to pay for megabytes).
import type { LedgerKind } from '../../../api/schemas/account.ts';
import { requireString, withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { formatMb, formatSignedMb, formatWhen, table } from '../render/format.ts';

export const login = (argv: string[]) =>
  withContext(
    argv,
    { store: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
    async ({ engine, values, print, i18n }) => {
      const store = typeof values.store === 'string' ? values.store : engine.settings.get().storeUrl;
      const session = await engine.login(
        requireString(store ?? undefined, '--store'),
        requireString(values.email, '--email'),
        requireString(values.password, '--password'),
      );
      const { token: _secret, ...visible } = session;
      print(visible, () => i18n.t('cli.login.done', { store: session.storeUrl, email: session.email }));
      return 0;
    },
  );

export const logout = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print, i18n }) => {
    await engine.logout();
    print({ loggedOut: true }, () => i18n.t('cli.logout.done'));
    return 0;
  });

export const balance = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print, i18n }) => {
    const b = await engine.balance();
    print(b, () => {
      const when = formatWhen(i18n, b.asOf);
      return [
        table(
          [
            [i18n.t('cli.balance.balance'), formatMb(i18n, b.balanceBytes)],
            [i18n.t('cli.balance.reserved'), formatMb(i18n, b.reservedBytes)],
            [i18n.t('cli.balance.available'), formatMb(i18n, b.availableBytes)],
          ],
          [1],
        ),
        b.offline ? i18n.t('cli.balance.offlineAsOf', { when }) : i18n.t('cli.balance.asOf', { when }),
        ...(b.mismatch ? [i18n.t('cli.balance.warning', { problem: b.mismatch })] : []),
      ].join('\n');
    });
    return 0;
  });

const KIND_KEYS = {
  topup: 'cli.ledger.kind.topup',
  reserve: 'cli.ledger.kind.reserve',
  settle: 'cli.ledger.kind.settle',
  release: 'cli.ledger.kind.release',
  refund: 'cli.ledger.kind.refund',
} as const satisfies Record<LedgerKind, string>;

export const ledger = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print, i18n }) => {
    const { balance: b, entries } = await engine.ledgerEntries();
    print({ balance: b, entries }, () => {
      const rows = [
        [
          '#',
          i18n.t('cli.ledger.when'),
          i18n.t('cli.ledger.kind'),
          i18n.t('cli.ledger.amount'),
          i18n.t('cli.ledger.paid'),
          i18n.t('cli.ledger.reserved'),
          i18n.t('cli.ledger.balance'),
          i18n.t('cli.ledger.reference'),
        ],
      ];
      for (const e of entries) {
        rows.push([
          String(e.id),
          formatWhen(i18n, e.createdAt),
          e.kind in KIND_KEYS ? i18n.t(KIND_KEYS[e.kind as LedgerKind]) : e.kind,
          e.amountBytes === 0 ? '' : formatSignedMb(i18n, e.amountBytes),
          e.paid ? i18n.money(e.paid.micros, e.paid.currency) : '',
          e.reservedDeltaBytes === 0 ? '' : formatSignedMb(i18n, e.reservedDeltaBytes),
          formatMb(i18n, e.balanceAfterBytes),
          e.orderId ?? e.paymentId ?? e.voucher ?? '',
        ]);
      }
      const when = formatWhen(i18n, b.asOf);
      const footer = [
        b.offline ? i18n.t('cli.ledger.offlineAsOf', { when }) : i18n.t('cli.ledger.asOf', { when }),
        ...(b.mismatch ? [i18n.t('cli.balance.warning', { problem: b.mismatch })] : []),
      ];
      return [table(rows, [0, 3, 4, 5, 6]), ...footer].join('\n');
    });
    return 0;
  });

export const topup = (argv: string[]) =>
  withContext(argv, { pack: { type: 'string' }, timeout: { type: 'string' } }, async (ctx) => {
    const { engine, positionals, print, values, i18n } = ctx;
    if (typeof values.pack === 'string') {
      if (positionals.length > 0) throw new CliError('INVALID_ARGUMENT', i18n.t('cli.topup.codeOrPack'));
      const { topupWithPack } = await import('./pack-commands.ts');
      return topupWithPack(ctx, values.pack);
    }
    const code = requireString(positionals[0], 'CODE', i18n.t('cli.topup.codeRequired'));
    const result = await engine.topup(code);
    print(result, () =>
      i18n.t('cli.topup.credited', {
        credited: formatMb(i18n, result.creditedBytes),
        available: formatMb(i18n, result.account.availableBytes),
      }),
    );
    return 0;
  });
