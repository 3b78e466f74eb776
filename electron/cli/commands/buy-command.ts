// buy ALBUM_ID --encoding ID [--tracks N,N] [--yes]: shows the charge, asks, and queues the purchase.
import { createInterface } from 'node:readline/promises';
import { isEncodingId } from '../../../api/schemas/encoding-catalog.ts';
import { sendsAgainLater } from '../../core/purchases/purchase-desk.ts';
import type { MethodOutput } from '../../shared/app-api/contract.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { requireInt, requireString, withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { errorText } from '../render/error-line.ts';
import { formatMb } from '../render/format.ts';
import { assertOnSale } from '../render/sale-text.ts';
import { parseTrackNumbers } from './catalog-commands.ts';

/** Yes in either language: y, yes, д, да. */
const YES = /^(y(es)?|да?)$/i;

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await Promise.race([
      rl.question(question),
      new Promise<string>((r) => rl.once('close', () => r(''))),
    ]);
    return YES.test(answer.trim());
  } finally {
    rl.close();
  }
}

export const buy = (argv: string[]) =>
  withContext(
    argv,
    { encoding: { type: 'string' }, tracks: { type: 'string' }, yes: { type: 'boolean', default: false } },
    async ({ engine, positionals, values, json, print, i18n }) => {
      const albumId = requireInt(positionals[0], 'ALBUM_ID');
      const encoding = requireString(values.encoding, '--encoding');
      if (!isEncodingId(encoding))
        throw new CliError('INVALID_ARGUMENT', i18n.t('cli.buy.unknownEncoding', { encoding }));
      // Taken down or not licensed here: refused in one line before anything is asked or recorded.
      const view = await engine.storeAlbum(albumId);
      assertOnSale(i18n, view);
      const album = view.album!;
      const trackIds =
        typeof values.tracks === 'string' ? parseTrackNumbers(i18n, album, values.tracks) : undefined;
      const table = await engine.encodingTable(albumId, trackIds);
      const quote = table.quotes.find((q) => q.encoding === encoding)!;
      const named = { artist: album.artist.name, album: album.title, encoding };
      const what = trackIds
        ? i18n.t('cli.buy.whatTracks', { ...named, tracks: trackIds.length })
        : i18n.t('cli.buy.what', named);
      const figures = {
        size: formatMb(i18n, quote.chargeBytes),
        price: i18n.money(quote.chargeMoney.micros, quote.chargeMoney.currency),
        left: formatMb(i18n, quote.balanceAfterBytes),
      };
      const charge = quote.ownedAll
        ? i18n.t('cli.buy.owned')
        : quote.exact
          ? i18n.t('cli.buy.chargeExact', figures)
          : i18n.t('cli.buy.chargeEstimate', { ...figures, most: formatMb(i18n, quote.chargeHighBytes) });
      if (!values.yes) {
        if (json) throw new CliError('INVALID_ARGUMENT', i18n.t('cli.buy.needYes'));
        process.stderr.write(`${what}\n${charge}\n`);
        if (!(await confirm(i18n.t('cli.buy.confirm')))) {
          process.stderr.write(`${i18n.t('cli.buy.notBought')}\n`);
          return 1;
        }
      }
      let row: Awaited<ReturnType<typeof engine.buy>>;
      try {
        row = await engine.buy(albumId, encoding, trackIds);
      } catch (error) {
        if (error instanceof MegadiscError && sendsAgainLater(error)) {
          // The purchase and its key are saved: sending it again can never buy twice.
          const problem = errorText(i18n, error.code) ?? error.message;
          throw new CliError(error.code, i18n.t('cli.buy.saved', { problem }), error.message, {
            cause: error,
          });
        }
        throw error;
      }
      // What the app API's store.buy answers, not the profile's row, and the jobs as downloads.list has them.
      const purchase: MethodOutput<'store.buy'> = { purchaseId: row.id, orderId: row.order_id };
      const jobs = engine.queue().filter((j) => j.purchaseId === purchase.purchaseId);
      print({ purchase, jobs }, () =>
        i18n.t('cli.buy.queued', {
          what,
          order: purchase.orderId ?? i18n.t('common.none'),
          downloads: jobs.length,
        }),
      );
      return 0;
    },
  );
