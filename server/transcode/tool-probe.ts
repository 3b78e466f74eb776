// Finds out whether each external tool exists and runs, which version it is and, for ffmpeg, its encoders.

import { runCapture } from './run-capture.ts';
import { StderrTail } from './stderr-tail.ts';
import type { ToolName, ToolPaths } from './types.ts';

export type ToolStatus =
  | {
      ok: true;
      version: string /** Encoder names from `ffmpeg -encoders`; ffmpeg only. */;
      encoders?: Set<string>;
    }
  | { ok: false; reason: string };

const QUERY_TIMEOUT_MS = 10_000;

export async function probeTools(paths: ToolPaths = {}): Promise<Record<ToolName, ToolStatus>> {
  const [ffmpeg, lame, mpcenc] = await Promise.all([
    probeFfmpeg(paths.ffmpeg ?? 'ffmpeg'),
    probeVersion('lame', paths.lame ?? 'lame', ['--version'], /LAME\b.*?\bversion\s+(\S+)/, true),
    // mpcenc has no version flag; run bare it prints its banner and a usage error.
    probeVersion('mpcenc', paths.mpcenc ?? 'mpcenc', [], /MPC Encoder\s+(\S+)/, false),
  ]);
  return { ffmpeg, lame, mpcenc };
}

async function probeFfmpeg(command: string): Promise<ToolStatus> {
  const version = await probeVersion(
    'ffmpeg',
    command,
    ['-hide_banner', '-version'],
    /^ffmpeg version (\S+)/m,
    true,
  );
  if (!version.ok) return version;
  const listing = await query('ffmpeg', command, ['-hide_banner', '-encoders'], true);
  if (typeof listing === 'string') return { ok: false, reason: listing };
  return { ...version, encoders: parseAudioEncoders(listing.stdout) };
}

async function probeVersion(
  name: ToolName,
  command: string,
  args: readonly string[],
  pattern: RegExp,
  requireSuccess: boolean,
): Promise<ToolStatus> {
  const result = await query(name, command, args, requireSuccess);
  if (typeof result === 'string') return { ok: false, reason: result };
  const match = pattern.exec(`${result.stdout}\n${result.stderr}`);
  if (!match?.[1])
    return { ok: false, reason: `could not read the version of encoder binary '${name}' (${command})` };
  return { ok: true, version: match[1] };
}

/** The captured output, or a human-readable reason why the tool is unusable. */
async function query(name: ToolName, command: string, args: readonly string[], requireSuccess: boolean) {
  const where = command === name ? 'on PATH' : `at ${command}`;
  try {
    const result = await runCapture(command, args, QUERY_TIMEOUT_MS);
    if (requireSuccess && result.code !== 0) {
      const tail = new StderrTail();
      tail.push(result.stderr);
      const detail = tail.lastLines(2).join(' / ') || `exit code ${result.code}`;
      return `encoder binary '${name}' ${where} does not work: ${detail}`;
    }
    return result;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `encoder binary '${name}' not found ${where}`;
    if (code === 'EACCES') return `encoder binary '${name}' ${where} is not executable`;
    return `encoder binary '${name}' ${where} does not work: ${(error as Error).message}`;
  }
}

/** Parses the table after the "------" separator: six flag columns (A = audio), then the name. */
function parseAudioEncoders(listing: string): Set<string> {
  const encoders = new Set<string>();
  const body = listing.slice(listing.indexOf('------') + 6);
  for (const line of body.split('\n')) {
    const match = /^\s*A[A-Z.]{5}\s+(\S+)/.exec(line);
    if (match?.[1]) encoders.add(match[1]);
  }
  return encoders;
}
