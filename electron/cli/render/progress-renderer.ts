// Shows `megadisc run` progress: live bars with speed and ETA on a TTY, plain lines otherwise.

import type { Translator } from '../../../i18n/translator.ts';
import type { JobView } from '../../core/downloads/job-store.ts';
import type { EngineEvents } from '../../core/events/engine-events.ts';
import type { JobState } from '../../shared/app-api/domain.ts';
import { describeError } from './error-line.ts';
import { formatEta, formatMb, formatRate } from './format.ts';

interface Line {
  title: string;
  state: JobState;
  received: number;
  total: number;
  rate: number;
  eta: number | null;
}

const BAR = 24;

function bar(received: number, total: number): string {
  const filled = total > 0 ? Math.min(BAR, Math.round((received / total) * BAR)) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}]`;
}

/** A job's state in the CLI's language. */
export function jobState(i18n: Translator, state: JobState): string {
  return i18n.t(`cli.job.state.${state}`);
}

export function renderProgress(
  i18n: Translator,
  events: EngineEvents,
  out: NodeJS.WriteStream,
  initial: JobView[],
): () => void {
  const lines = new Map<number, Line>();
  for (const j of initial) {
    lines.set(j.id, {
      title: j.fileName,
      state: j.state,
      received: j.bytesDone,
      total: j.bytesTotal ?? 0,
      rate: 0,
      eta: null,
    });
  }
  const tty = Boolean(out.isTTY);
  let drawn = 0;
  let lastDraw = 0;
  const lastPlain = new Map<number, number>();

  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const visible = [...lines.entries()]
      .filter(([, l]) => l.state !== 'done' && l.state !== 'cancelled')
      .slice(0, 20);
    const text = visible.map(([id, l]) => {
      const pct = l.total > 0 ? `${Math.floor((l.received / l.total) * 100)}%`.padStart(4) : '    ';
      const detail =
        l.state === 'downloading'
          ? i18n.t('cli.progress.speed', { speed: formatRate(i18n, l.rate), eta: formatEta(l.eta) })
          : jobState(i18n, l.state);
      return `${String(id).padStart(4)} ${bar(l.received, l.total)} ${pct} ${formatMb(i18n, l.received).padStart(9)}  ${detail.padEnd(22)} ${l.title.slice(0, 40)}`;
    });
    out.write(
      `${drawn > 0 ? `\x1b[${drawn}F` : ''}${text.map((t) => `\x1b[2K${t}`).join('\n')}${text.length ? '\n' : ''}\x1b[J`,
    );
    drawn = text.length;
  };

  const plain = (text: string) => out.write(`${text}\n`);

  const offProgress = events.on('job-progress', (p) => {
    const line = lines.get(p.jobId);
    if (!line) return;
    Object.assign(line, {
      received: p.receivedBytes,
      total: p.totalBytes,
      rate: p.bytesPerSecond,
      eta: p.etaSeconds,
    });
    if (tty) draw();
    else if (Date.now() - (lastPlain.get(p.jobId) ?? 0) > 2000) {
      lastPlain.set(p.jobId, Date.now());
      plain(
        i18n.t('cli.progress.line', {
          id: String(p.jobId),
          received: formatMb(i18n, p.receivedBytes),
          total: formatMb(i18n, p.totalBytes),
          speed: formatRate(i18n, p.bytesPerSecond),
          eta: formatEta(p.etaSeconds),
        }),
      );
    }
  });
  const offState = events.on('job-state', ({ job }) => {
    const line = lines.get(job.id) ?? {
      title: job.fileName,
      state: job.state,
      received: 0,
      total: job.bytesTotal ?? 0,
      rate: 0,
      eta: null,
    };
    line.state = job.state;
    if (job.state === 'done') line.received = line.total;
    lines.set(job.id, line);
    if (!tty) {
      const base = { id: String(job.id), state: jobState(i18n, job.state), file: job.fileName };
      plain(
        job.state === 'done' && job.finalPath
          ? i18n.t('cli.progress.filed', { ...base, path: job.finalPath })
          : job.error
            ? i18n.t('cli.progress.failed', {
                ...base,
                problem: describeError(i18n, job.error.code, job.error.message),
              })
            : i18n.t('cli.progress.state', base),
      );
    } else draw(true);
  });
  const offRetry = events.on('job-retry', (r) => {
    if (!tty)
      plain(
        i18n.t('cli.progress.retry', {
          id: String(r.jobId),
          attempt: r.attempt,
          delay: Math.round(r.delayMs),
          problem: describeError(i18n, r.code, r.message),
        }),
      );
  });
  return () => {
    offProgress();
    offState();
    offRetry();
    if (tty) draw(true);
  };
}
