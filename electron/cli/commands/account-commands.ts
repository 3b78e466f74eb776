// login, logout, balance, ledger, topup (a voucher CODE, or --pack to pay for megabytes).
import { MegadiscError } from '../../shared/errors.ts';
import { requireString, withContext } from '../cli-context.ts';
import { formatMb, table } from '../render/format.ts';

export const login = (argv: string[]) =>
  withContext(
    argv,
    { store: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
    async ({ engine, values, print }) => {
      const store = typeof values.store === 'string' ? values.store : engine.settings.get().storeUrl;
      const session = await engine.login(
        requireString(store ?? undefined, '--store'),
        requireString(values.email, '--email'),
        requireString(values.password, '--password'),
      );
      const { token: _secret, ...visible } = session;
      print(visible, () => `logged in to ${session.storeUrl} as ${session.email}`);
      return 0;
    },
  );

export const logout = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print }) => {
    await engine.logout();
    print({ loggedOut: true }, () => 'logged out');
    return 0;
  });

export const balance = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print }) => {
    const b = await engine.balance();
    print(b, () =>
      [
        `balance    ${formatMb(b.balanceBytes)}`,
        `reserved   ${formatMb(b.reservedBytes)}`,
        `available  ${formatMb(b.availableBytes)}`,
        b.offline ? `offline: as of ${b.asOf}` : `as of ${b.asOf}`,
        ...(b.mismatch ? [`WARNING: ${b.mismatch}`] : []),
      ].join('\n'),
    );
    return 0;
  });

export const ledger = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print }) => {
    const { balance: b, entries } = await engine.ledgerEntries();
    print({ balance: b, entries }, () => {
      const rows = [['#', 'when', 'kind', 'amount', 'paid', 'reserved', 'balance', 'reference']];
      for (const e of entries) {
        rows.push([
          String(e.id),
          e.createdAt.slice(0, 19).replace('T', ' '),
          e.kind,
          e.amountBytes === 0 ? '' : `${e.amountBytes > 0 ? '+' : '-'}${formatMb(Math.abs(e.amountBytes))}`,
          e.paid ? e.paid.display : '',
          e.reservedDeltaBytes === 0
            ? ''
            : `${e.reservedDeltaBytes > 0 ? '+' : '-'}${formatMb(Math.abs(e.reservedDeltaBytes))}`,
          formatMb(e.balanceAfterBytes),
          e.orderId ?? e.paymentId ?? e.voucher ?? '',
        ]);
      }
      const footer = `${b.offline ? 'offline, ' : ''}as of ${b.asOf}${b.mismatch ? `\nWARNING: ${b.mismatch}` : ''}`;
      return `${table(rows, [0, 3, 4, 5, 6])}\n${footer}`;
    });
    return 0;
  });

export const topup = (argv: string[]) =>
  withContext(argv, { pack: { type: 'string' }, timeout: { type: 'string' } }, async (ctx) => {
    const { engine, positionals, print, values } = ctx;
    if (typeof values.pack === 'string') {
      if (positionals.length > 0) {
        throw new MegadiscError('INVALID_ARGUMENT', 'give either a voucher CODE or --pack, not both');
      }
      const { topupWithPack } = await import('./pack-commands.ts');
      return topupWithPack(ctx, values.pack);
    }
    const code = requireString(positionals[0], 'a voucher CODE or --pack SIZE');
    const result = await engine.topup(code);
    print(
      result,
      () =>
        `credited ${formatMb(result.creditedBytes)}; available now ${formatMb(result.account.availableBytes)}`,
    );
    return 0;
  });
