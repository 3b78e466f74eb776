// The commands of the Downloads screen: pause, resume, retry, cancel and reorder. A refusal shows
// as a toast in words; the list refreshes on the core's events, and once more after each command.
import { useCallback } from 'react';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { describeError } from '../../components/error-messages.ts';
import { useToasts } from '../../components/Toasts.tsx';
import type { MoveCall } from './queue-order.ts';

export interface DownloadActions {
  pause: (ids: number[] | 'all') => Promise<void>;
  resume: (ids: number[]) => Promise<void>;
  retry: (ids: number[]) => Promise<void>;
  /** Cancels each job in turn: the API cancels one job per call. */
  cancel: (ids: number[]) => Promise<void>;
  /** Runs move calls in order; each one's place assumes the ones before it were applied. */
  move: (calls: MoveCall[]) => Promise<boolean>;
}

/** The command that failed, for the toast that says so. */
type Failure = 'pause' | 'resume' | 'retry' | 'cancel' | 'move';

export function useDownloadActions(reload: () => void): DownloadActions {
  const api = useApi();
  const toasts = useToasts();

  const run = useCallback(
    async (what: Failure, command: () => Promise<unknown>): Promise<boolean> => {
      try {
        await command();
        return true;
      } catch (e) {
        const error = e as MegadiscError;
        toasts.push('error', (t) => {
          const text = t.t(`downloads.error.${what}`, { reason: describeError(error, t) });
          return error.code ? t.t('downloads.error.withCode', { text, code: error.code }) : text;
        });
        return false;
      } finally {
        reload();
      }
    },
    [reload, toasts],
  );

  const pause = useCallback(
    async (ids: number[] | 'all') => {
      await run('pause', () => api['downloads.pause']({ ids }));
    },
    [api, run],
  );
  const resume = useCallback(
    async (ids: number[]) => {
      await run('resume', () => api['downloads.resume']({ ids }));
    },
    [api, run],
  );
  const retry = useCallback(
    async (ids: number[]) => {
      await run('retry', () => api['downloads.retry']({ ids }));
    },
    [api, run],
  );
  const cancel = useCallback(
    async (ids: number[]) => {
      await run('cancel', async () => {
        for (const id of ids) await api['downloads.cancel']({ id });
      });
    },
    [api, run],
  );
  const move = useCallback(
    (calls: MoveCall[]) =>
      run('move', async () => {
        for (const call of calls) await api['downloads.move'](call);
      }),
    [api, run],
  );
  return { pause, resume, retry, cancel, move };
}
