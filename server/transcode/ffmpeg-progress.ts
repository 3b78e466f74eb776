// Turns ffmpeg's `-progress` key=value stream into output-time callbacks.

import type { Readable } from 'node:stream';

const OUT_TIME = /^out_time_us=(\d+)\s*$/;

/** Calls `onOutTimeUs` with each reported output position in microseconds ("N/A" reports are skipped). */
export function watchFfmpegProgress(stream: Readable, onOutTimeUs: (microseconds: number) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = OUT_TIME.exec(line);
      if (match) onOutTimeUs(Number(match[1]));
    }
  });
  // The pipe breaks when the process is killed; the process exit status reports that, not this stream.
  stream.on('error', () => undefined);
}
