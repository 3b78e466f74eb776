// downloads.*: the grouped queue, and the commands that change it (each announced with queue-changed).
import type { AppApi } from '../../shared/app-api/contract.ts';
import type { AppContext } from './app-context.ts';
import { downloadsView } from './downloads-view.ts';

type DownloadsMethods = Pick<
  AppApi,
  | 'downloads.list'
  | 'downloads.pause'
  | 'downloads.resume'
  | 'downloads.retry'
  | 'downloads.cancel'
  | 'downloads.move'
>;

export function downloadsMethods(ctx: AppContext): DownloadsMethods {
  const { engine, runner } = ctx;
  /** Runs a queue change, tells the lists, and starts downloading if it made work. */
  const change = <T>(apply: () => T, kick = false): T => {
    const result = apply();
    ctx.queueChanged();
    if (kick) runner.kick();
    return result;
  };
  return {
    'downloads.list': async () => downloadsView(engine, runner.running),
    'downloads.pause': async ({ ids }) => change(() => engine.pause(ids)),
    'downloads.resume': async ({ ids }) => change(() => engine.resume(ids), true),
    'downloads.retry': async ({ ids }) =>
      change(() => {
        // Only failed jobs: a retry must not also resume what the user paused.
        const failed =
          ids === 'all'
            ? engine.jobs.inStates(['failed']).map((j) => j.id)
            : ids.filter((id) => engine.jobs.get(id).state === 'failed');
        return failed.length > 0 ? engine.resume(failed) : [];
      }, true),
    'downloads.cancel': async ({ id }) => change(() => engine.cancel(id)),
    'downloads.move': async ({ id, place }) =>
      change(() => {
        engine.move(id, place);
        return null;
      }),
  };
}
