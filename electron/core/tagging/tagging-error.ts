// Tagging failures: a MegadiscError with the finer reason, which the shared codes don't tell apart.
import { type ErrorCode, MegadiscError } from '../../shared/errors.ts';

export type TaggingFailure =
  /** Not audio, damaged, or a format the parser can't read. */
  | 'unreadable'
  /** The read-back parse ran past its time limit and was killed. */
  | 'timeout'
  /** The parse worker died: out of memory, or a crash. */
  | 'worker-failed'
  /** The tags read back differ from what was written. */
  | 'verify-failed';

const CODES: Record<TaggingFailure, ErrorCode> = {
  unreadable: 'BAD_RESPONSE',
  timeout: 'INTERNAL',
  'worker-failed': 'INTERNAL',
  // No shared code of its own: `reason` and `differences` say what went wrong.
  'verify-failed': 'INTERNAL',
};

export class TaggingError extends MegadiscError {
  readonly reason: TaggingFailure;
  /** For verify-failed: one line per field that differs. */
  readonly differences: readonly string[];

  constructor(
    reason: TaggingFailure,
    message: string,
    options: { cause?: unknown; differences?: string[] } = {},
  ) {
    super(CODES[reason], message, { cause: options.cause });
    this.name = 'TaggingError';
    this.reason = reason;
    this.differences = options.differences ?? [];
  }
}
