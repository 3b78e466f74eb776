// Wraps a real binary in a shell script that logs every start and end, to count and overlap encoder runs.

import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CountingTool {
  /** Path to pass as a ToolPaths entry. */
  path: string;
  starts(): number;
  /** Most runs that were alive at the same time. */
  maxOverlap(): number;
}

/** `delaySeconds` keeps each run alive long enough for overlaps to be observable. */
export function countingTool(dir: string, name: string, realPath: string, delaySeconds = 0): CountingTool {
  const log = join(dir, `${name}.log`);
  const path = join(dir, `${name}-counting.sh`);
  writeFileSync(log, '');
  // Not `exec`: the script must outlive the tool to log its end. fd 3 (ffmpeg -progress) is inherited.
  const script = [
    '#!/bin/sh',
    `echo start >> '${log}'`,
    delaySeconds > 0 ? `sleep ${delaySeconds}` : ':',
    `'${realPath}' "$@"`,
    'status=$?',
    `echo end >> '${log}'`,
    'exit $status',
  ].join('\n');
  writeFileSync(path, `${script}\n`);
  chmodSync(path, 0o755);

  const events = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return {
    path,
    starts: () => events().filter((event) => event === 'start').length,
    maxOverlap: () => {
      let alive = 0;
      let most = 0;
      for (const event of events()) {
        alive += event === 'start' ? 1 : -1;
        most = Math.max(most, alive);
      }
      return most;
    },
  };
}
