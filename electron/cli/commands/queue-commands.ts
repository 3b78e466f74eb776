// queue, run, pause, resume, cancel, move, config.
import type { Translator } from '../../../i18n/translator.ts';
import { downloadsView } from '../../core/app/downloads-view.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { requireInt, withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { cliI18n } from '../context/cli-locale.ts';
import { describeError } from '../render/error-line.ts';
import { formatMb, table } from '../render/format.ts';
import { jobState, renderProgress } from '../render/progress-renderer.ts';

/** Job ids as a list in the CLI's language: "1, 2 and 3". */
const jobList = (i18n: Translator, ids: number[]) => i18n.list(ids.map(String));

export const queue = (argv: string[]) =>
  withContext(argv, {}, ({ engine, print, i18n }) => {
    const jobs = engine.queue();
    // Purchases not yet accepted by the store, as the app API's download groups (camelCase).
    const pending = downloadsView(engine, false).groups.filter((g) => g.purchaseState === 'pending');
    print({ jobs, pendingPurchases: pending }, () => {
      if (jobs.length === 0 && pending.length === 0) return i18n.t('cli.queue.empty');
      const rows = [
        [
          i18n.t('cli.queue.job'),
          i18n.t('cli.queue.state'),
          i18n.t('cli.queue.done'),
          i18n.t('cli.queue.size'),
          i18n.t('cli.queue.file'),
          i18n.t('cli.queue.note'),
        ],
      ];
      for (const j of jobs) {
        rows.push([
          String(j.id),
          jobState(i18n, j.state),
          formatMb(i18n, j.bytesDone),
          j.bytesTotal === null ? i18n.t('cli.queue.unknownSize') : formatMb(i18n, j.bytesTotal),
          j.fileName,
          j.error ? describeError(i18n, j.error.code, j.error.message) : '',
        ]);
      }
      const extra = pending.map((p) =>
        i18n.t('cli.queue.pendingPurchase', {
          id: String(p.purchaseId),
          album: p.albumTitle,
          encoding: p.encoding,
        }),
      );
      return [table(rows, [0, 2, 3]), ...extra].join('\n');
    });
    return 0;
  });

export const run = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, json, print, i18n }) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const stopRendering = json
      ? () => {}
      : renderProgress(i18n, engine.events, process.stderr, engine.queue());
    try {
      const summary = await engine.run(controller.signal);
      stopRendering();
      print(summary, () =>
        i18n.t('cli.run.summary', { done: summary.done, failed: summary.failed, paused: summary.paused }),
      );
      return summary.failed > 0 ? 1 : 0;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });

function targets(positionals: string[], all: boolean): number[] | 'all' {
  if (all) return 'all';
  if (positionals.length === 0) throw new CliError('INVALID_ARGUMENT', cliI18n().t('cli.jobs.target'));
  return positionals.map((p) => requireInt(p, 'JOB'));
}

export const pause = (argv: string[]) =>
  withContext(
    argv,
    { all: { type: 'boolean', default: false } },
    ({ engine, positionals, values, print, i18n }) => {
      const changed = engine.pause(targets(positionals, values.all === true));
      print({ paused: changed }, () =>
        changed.length
          ? i18n.t('cli.pause.done', { jobs: jobList(i18n, changed) })
          : i18n.t('cli.pause.nothing'),
      );
      return 0;
    },
  );

export const resume = (argv: string[]) =>
  withContext(
    argv,
    { all: { type: 'boolean', default: false } },
    ({ engine, positionals, values, print, i18n }) => {
      const changed = engine.resume(targets(positionals, values.all === true));
      print({ resumed: changed }, () =>
        changed.length
          ? i18n.t('cli.resume.done', { jobs: jobList(i18n, changed) })
          : i18n.t('cli.resume.nothing'),
      );
      return 0;
    },
  );

export const cancel = (argv: string[]) =>
  withContext(argv, {}, ({ engine, positionals, print, i18n }) => {
    const job = engine.cancel(requireInt(positionals[0], 'JOB'));
    print(job, () => i18n.t('cli.cancel.done', { id: String(job.id) }));
    return 0;
  });

export const move = (argv: string[]) =>
  withContext(argv, {}, ({ engine, positionals, print, i18n }) => {
    const id = requireInt(positionals[0], 'JOB');
    engine.move(id, requireInt(positionals[1], 'PLACE'));
    print({ moved: id }, () => i18n.t('cli.move.done', { id: String(id) }));
    return 0;
  });

export const prioritize = (argv: string[]) =>
  withContext(argv, {}, ({ engine, positionals, print, i18n }) => {
    const id = requireInt(positionals[0], 'JOB');
    engine.move(id, 1);
    print({ prioritized: id }, () => i18n.t('cli.prioritize.done', { id: String(id) }));
    return 0;
  });

const onOff = (value: string, flag: string) => {
  if (value !== 'on' && value !== 'off')
    throw new CliError('INVALID_ARGUMENT', cliI18n().t('cli.usage.onOff', { flag }));
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
    ({ engine, values, print, i18n }) => {
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
            .map(([k, v]) => `${k} = ${v ?? i18n.t('cli.config.unset')}`)
            .join('\n'),
        );
      } catch (error) {
        if (error instanceof RangeError) throw new MegadiscError('INVALID_ARGUMENT', error.message);
        throw error;
      }
      return 0;
    },
  );
