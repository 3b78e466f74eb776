// queue, run, pause, resume, cancel, move, config.
import { MegadiscError } from '../../shared/errors.ts';
import { requireInt, withContext } from '../cli-context.ts';
import { formatMb, table } from '../render/format.ts';
import { renderProgress } from '../render/progress-renderer.ts';

export const queue = (argv: string[]) =>
  withContext(argv, {}, ({ engine, print }) => {
    const jobs = engine.queue();
    const pending = engine.purchases().filter((p) => p.state === 'pending');
    print({ jobs, pendingPurchases: pending }, () => {
      if (jobs.length === 0 && pending.length === 0) return 'the queue is empty';
      const rows = [['job', 'state', 'done', 'size', 'file', 'note']];
      for (const j of jobs) {
        rows.push([
          String(j.id),
          j.state,
          formatMb(j.bytesDone),
          j.bytesTotal === null ? '?' : formatMb(j.bytesTotal),
          j.fileName,
          j.error ? `${j.error.code}: ${j.error.message}` : '',
        ]);
      }
      const extra = pending.map(
        (p) => `purchase ${p.id} (${p.album_title}, ${p.encoding}) not yet accepted by the store`,
      );
      return [table(rows, [0, 2, 3]), ...extra].join('\n');
    });
    return 0;
  });

export const run = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, json, print }) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const stopRendering = json ? () => {} : renderProgress(engine.events, process.stderr, engine.queue());
    try {
      const summary = await engine.run(controller.signal);
      stopRendering();
      print(summary, () => `${summary.done} done, ${summary.failed} failed, ${summary.paused} paused`);
      return summary.failed > 0 ? 1 : 0;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });

function targets(positionals: string[], all: boolean): number[] | 'all' {
  if (all) return 'all';
  if (positionals.length === 0) throw new MegadiscError('INVALID_ARGUMENT', 'give a JOB id or --all');
  return positionals.map((p) => requireInt(p, 'JOB'));
}

export const pause = (argv: string[]) =>
  withContext(
    argv,
    { all: { type: 'boolean', default: false } },
    ({ engine, positionals, values, print }) => {
      const changed = engine.pause(targets(positionals, values.all === true));
      print({ paused: changed }, () =>
        changed.length ? `paused ${changed.join(', ')}` : 'nothing to pause',
      );
      return 0;
    },
  );

export const resume = (argv: string[]) =>
  withContext(
    argv,
    { all: { type: 'boolean', default: false } },
    ({ engine, positionals, values, print }) => {
      const changed = engine.resume(targets(positionals, values.all === true));
      print({ resumed: changed }, () =>
        changed.length ? `resumed ${changed.join(', ')}; run "megadisc run"` : 'nothing to resume',
      );
      return 0;
    },
  );

export const cancel = (argv: string[]) =>
  withContext(argv, {}, ({ engine, positionals, print }) => {
    const job = engine.cancel(requireInt(positionals[0], 'JOB'));
    print(job, () => `cancelled job ${job.id}`);
    return 0;
  });

export const move = (argv: string[]) =>
  withContext(argv, {}, ({ engine, positionals, print }) => {
    const id = requireInt(positionals[0], 'JOB');
    engine.move(id, requireInt(positionals[1], 'PLACE'));
    print({ moved: id }, () => `moved job ${id}`);
    return 0;
  });

export const prioritize = (argv: string[]) =>
  withContext(argv, {}, ({ engine, positionals, print }) => {
    const id = requireInt(positionals[0], 'JOB');
    engine.move(id, 1);
    print({ prioritized: id }, () => `job ${id} is next`);
    return 0;
  });

const onOff = (value: string, flag: string) => {
  if (value !== 'on' && value !== 'off')
    throw new MegadiscError('INVALID_ARGUMENT', `${flag} takes on or off`);
  return value === 'on';
};

export const config = (argv: string[]) =>
  withContext(
    argv,
    {
      concurrency: { type: 'string' },
      'bandwidth-limit': { type: 'string' },
      'library-dir': { type: 'string' },
      template: { type: 'string' },
      'id3-version': { type: 'string' },
      'cover-max-px': { type: 'string' },
      'cover-max-bytes': { type: 'string' },
      'cover-file': { type: 'string' },
      'path-ascii': { type: 'string' },
    },
    ({ engine, values, print }) => {
      const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
      const int = (key: string) => (str(key) === undefined ? undefined : requireInt(str(key), `--${key}`));
      const limit = str('bandwidth-limit');
      const id3 = int('id3-version');
      try {
        const settings = engine.configure({
          concurrency: int('concurrency'),
          bandwidthLimit:
            limit === undefined ? undefined : limit === 'off' ? null : requireInt(limit, '--bandwidth-limit'),
          libraryDir: str('library-dir'),
          pathTemplate: str('template'),
          pathAscii: str('path-ascii') === undefined ? undefined : onOff(str('path-ascii')!, '--path-ascii'),
          id3Version: id3 === undefined ? undefined : (id3 as 3 | 4),
          coverMaxPx: int('cover-max-px'),
          coverMaxBytes: int('cover-max-bytes'),
          coverFile: str('cover-file') === undefined ? undefined : onOff(str('cover-file')!, '--cover-file'),
        });
        print(settings, () =>
          Object.entries(settings)
            .map(([k, v]) => `${k} = ${v ?? 'unset'}`)
            .join('\n'),
        );
      } catch (error) {
        if (error instanceof RangeError) throw new MegadiscError('INVALID_ARGUMENT', error.message);
        throw error;
      }
      return 0;
    },
  );
