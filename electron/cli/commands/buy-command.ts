// buy ALBUM_ID --encoding ID [--tracks N,N] [--yes]: shows the charge, asks, and queues the purchase.
import { createInterface } from 'node:readline/promises';
import { isEncodingId } from '../../../api/encodings.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { requireInt, requireString, withContext } from '../cli-context.ts';
import { formatMb } from '../render/format.ts';
import { assertOnSale } from '../render/sale-text.ts';
import { parseTrackNumbers } from './catalog-commands.ts';

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await Promise.race([
      rl.question(question),
      new Promise<string>((r) => rl.once('close', () => r(''))),
    ]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export const buy = (argv: string[]) =>
  withContext(
    argv,
    { encoding: { type: 'string' }, tracks: { type: 'string' }, yes: { type: 'boolean', default: false } },
    async ({ engine, positionals, values, json, print }) => {
      const albumId = requireInt(positionals[0], 'ALBUM_ID');
      const encoding = requireString(values.encoding, '--encoding');
      if (!isEncodingId(encoding))
        throw new MegadiscError(
          'INVALID_ARGUMENT',
          `unknown encoding "${encoding}"; see "megadisc encodings"`,
        );
      // Taken down or not licensed here: refused in one line before anything is asked or recorded.
      const view = await engine.storeAlbum(albumId);
      assertOnSale(view);
      const album = view.album!;
      const trackIds =
        typeof values.tracks === 'string' ? parseTrackNumbers(album, values.tracks) : undefined;
      const table = await engine.encodingTable(albumId, trackIds);
      const quote = table.quotes.find((q) => q.encoding === encoding)!;
      const what = `${album.artist.name} — ${album.title}${trackIds ? ` (${trackIds.length} tracks)` : ''} in ${encoding}`;
      const charge = quote.ownedAll
        ? 'you already own these tracks in this encoding: free re-download'
        : `about ${formatMb(quote.chargeBytes)} (${quote.chargePrice})${quote.exact ? '' : `, at most ${formatMb(quote.chargeHighBytes)}`}; ` +
          `${formatMb(quote.balanceAfterBytes)} left after`;
      if (!values.yes) {
        if (json) throw new MegadiscError('INVALID_ARGUMENT', 'add --yes to buy with --json');
        process.stderr.write(`${what}\n${charge}\n`);
        if (!(await confirm('Buy? [y/N] '))) {
          process.stderr.write('not bought\n');
          return 1;
        }
      }
      let purchase: Awaited<ReturnType<typeof engine.buy>>;
      try {
        purchase = await engine.buy(albumId, encoding, trackIds);
      } catch (error) {
        if (error instanceof MegadiscError && (error.retryable || error.code === 'STORE_UNREACHABLE')) {
          // The purchase and its key are saved: sending it again can never buy twice.
          throw new MegadiscError(
            error.code,
            `${error.message}; the purchase is saved and "megadisc run" will send it`,
          );
        }
        throw error;
      }
      const jobs = engine.queue().filter((j) => j.purchaseId === purchase.id);
      print(
        { purchase, jobs },
        () => `queued ${what}: order ${purchase.order_id}, ${jobs.length} download(s); run "megadisc run"`,
      );
      return 0;
    },
  );
