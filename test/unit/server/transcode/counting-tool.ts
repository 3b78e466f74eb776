// Wraps a real binary in a shell script that logs every start and end, to count and overlap encoder
// runs; optionally each run is held open after the tool finishes until the test releases it.

import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CountingTool {
  /** Path to pass as a ToolPaths entry. */
  path: string;
  starts(): number;
  /** Runs whose tool has finished and that waited, or still wait, for release() (only with `hold`). */
  held(): number;
  /** Most runs that were alive at the same time. */
  maxOverlap(): number;
  /** Lets held runs (and every later run) exit. */
  release(): void;
}

/**
 * With `hold`, a run does not exit when its tool does: it waits until release(). The tool's output
 * file and its last `-progress` report are there, but to the transcoder the encode is still
 * running, for as long as the test needs (to see overlaps, progress or a kill), however fast the
 * machine encodes.
 */
export function countingTool(
  dir: string,
  name: string,
  realPath: string,
  { hold = false }: { hold?: boolean } = {},
): CountingTool {
  const log = join(dir, `${name}.log`);
  const gate = join(dir, `${name}.released`);
  const path = join(dir, `${name}-counting.sh`);
  writeFileSync(log, '');
  // Not `exec`: the script must outlive the tool to log its end. fd 3 (ffmpeg -progress) is inherited.
  const script = [
    '#!/bin/sh',
    `echo start >> '${log}'`,
    `'${realPath}' "$@"`,
    'status=$?',
    ...(hold ? [`echo held >> '${log}'`, `while [ ! -e '${gate}' ]; do sleep 0.01; done`] : []),
    `echo end >> '${log}'`,
    'exit $status',
  ].join('\n');
  writeFileSync(path, `${script}\n`);
  chmodSync(path, 0o755);

  const events = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const count = (event: string) => events().filter((e) => e === event).length;
  return {
    path,
    starts: () => count('start'),
    held: () => count('held'),
    maxOverlap: () => {
      let alive = 0;
      let most = 0;
      for (const event of events()) {
        if (event === 'held') continue;
        alive += event === 'start' ? 1 : -1;
        most = Math.max(most, alive);
      }
      return most;
    },
    release: () => writeFileSync(gate, ''),
  };
}
