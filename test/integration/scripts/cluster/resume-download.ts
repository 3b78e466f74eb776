// A real download client (curl, wget, aria2c) resuming a partly downloaded file through nginx: the
// file must come out whole, and nginx must have sent the rest as a 206.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { eventually } from './cluster-kit.ts';

const run = promisify(execFile);

export interface PartialDownload {
  /** The signed link, absolute (nginx's address). */
  url: string;
  /** Its path and query, as nginx logs it. */
  path: string;
  bytes: number;
  sha256: string;
  /** The interrupted first part of the file, and how long it is. */
  partFile: string;
  partBytes: number;
  /** nginx's access log lines (`<status> <accel target> <body bytes> <uri> …`). */
  accessLog: () => string[];
}

export interface ResumeOptions {
  /** The client may start the rest up to this many bytes early (aria2c: its 16 KiB blocks). */
  alignBytes?: number;
  /** The client first asks with a plain GET (aria2c, for the size). */
  probes?: boolean;
}

/** Copies the part to `file`, resumes it with `tool args(file)`, and checks the file and nginx's log. */
export async function resumeWith(
  download: PartialDownload,
  tool: string,
  file: string,
  args: string[],
  { alignBytes = 0, probes = false }: ResumeOptions = {},
): Promise<void> {
  copyFileSync(download.partFile, file);
  const before = download.accessLog().length;
  await run(tool, args, { timeout: 30_000 });
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(download.sha256);
  const rest = download.bytes - download.partBytes;
  const isRest = (sent: number) => sent >= rest && sent <= rest + alignBytes;
  // nginx writes a request's log line just after its answer: it may come a moment later.
  const served = await eventually(
    `a 206 of the last ${rest} bytes to ${tool} in nginx's log`,
    () => {
      const lines = download
        .accessLog()
        .slice(before)
        .filter((l) => l.includes(download.path));
      return lines.some((l) => isRest(Number(/^206 \S+ (\d+) /.exec(l)?.[1]))) ? lines : undefined;
    },
    5_000,
  );
  if (!probes) expect(served.filter((l) => l.startsWith('200 '))).toEqual([]);
}
