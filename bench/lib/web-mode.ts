// Runs `megadisc web` as a user would (bin/megadisc.js on this Node) and times it until it prints its URL.
import { fileURLToPath } from 'node:url';
import { startTimedProcess, type TimedProcess } from './timed-process.ts';

const BIN = fileURLToPath(new URL('../../bin/megadisc.js', import.meta.url));

export interface WebModeOptions {
  home: string;
  /** A built renderer (index.html + assets/); web mode then never builds one itself. */
  rendererDir: string;
  /** The child's XDG_MUSIC_DIR, so its default library folder is never the real ~/Music. */
  musicDir: string;
  /** ['--demo'] or ['--store', url]. */
  storeArgs: string[];
  timeoutMs?: number;
}

export type WebModeProcess = TimedProcess & { url: string };

export async function startWebMode(opts: WebModeOptions): Promise<WebModeProcess> {
  const proc = await startTimedProcess(
    process.execPath,
    [BIN, 'web', '--home', opts.home, ...opts.storeArgs, '--port', '0', '--no-open'],
    /Megadisc web mode: (\S+)/,
    {
      timeoutMs: opts.timeoutMs ?? 60_000,
      env: { ...process.env, MEGADISC_RENDERER_DIR: opts.rendererDir, XDG_MUSIC_DIR: opts.musicDir },
    },
  );
  return { ...proc, url: proc.value };
}
