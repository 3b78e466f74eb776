// Reads a file's tags back through the shared parse pool: bounded in time and memory, never in-process.
import { ParsePool } from './parse-pool.ts';
import type { ReadBackTags } from './types.ts';

export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;

let shared: ParsePool | undefined;

/** The pool behind readTags; created on first use, its idle workers end by themselves. */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}

/**
 * Parses with music-metadata in a worker thread (heap-capped, terminated on timeout) and returns the
 * normalized view. Throws TaggingError: 'unreadable' (not audio, damaged, missing), 'timeout' or
 * 'worker-failed' (out of memory, crash).
 */
export function readTags(path: string, opts: { timeoutMs?: number } = {}): Promise<ReadBackTags> {
  return sharedParsePool().parse(path, opts.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS);
}
