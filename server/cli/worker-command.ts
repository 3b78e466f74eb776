// `megadisc server worker`: a process that only encodes. It takes queued order items from the
// store's database (PostgreSQL, shared with the API nodes; see server/orders/encode-queue.ts) and
// writes the encodes into the data folder's cache, which every node and nginx read.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Translator } from '../../i18n/translator.ts';
import { defaultStoreDataDir } from '../default-data-dir.ts';
import { openStore } from '../store/open-store.ts';
import { badArguments, databaseOf, shownDatabase } from './operator-kit.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Resolves on the first SIGINT or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function runWorker(argv: string[], i18n: Translator): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, db: { type: 'string' }, concurrency: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`megadisc server worker: ${badArguments(i18n, error)}\n`);
    return 2;
  }
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) {
    process.stderr.write(
      `megadisc server worker: ${i18n.t('operator.worker.badConcurrency', { value: String(values.concurrency) })}\n`,
    );
    return 2;
  }
  const dataDir = resolve(String(values.data ?? defaultStoreDataDir()));
  const database = databaseOf(values);
  const store = await openStore({
    dataDir,
    ...(database ? { database } : {}),
    ...(concurrency ? { concurrency } : {}),
    log,
  });
  const stopped = untilStopped();
  try {
    await store.fulfilment.resumeUnfinished();
    process.stdout.write(
      `${i18n.t('operator.worker.started', {
        name: store.fulfilment.worker,
        target: shownDatabase(database ?? store.paths.database),
      })}\n`,
    );
    await stopped;
    log(i18n.t('operator.server.shuttingDown'));
  } finally {
    await store.close();
  }
  return 0;
}
