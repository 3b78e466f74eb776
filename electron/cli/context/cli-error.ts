// An error the CLI itself raises (bad usage, a refusal it explains): its text is already in the
// person's language, so it is printed as it is, with the code, and the technical detail if any.
import { type ErrorCode, MegadiscError } from '../../shared/errors.ts';

export class CliError extends MegadiscError {
  /** What a person reads, in the CLI's language. */
  readonly text: string;
  /** Technical detail (often English, from Node or the store), or undefined. */
  readonly detail: string | undefined;

  constructor(code: ErrorCode, text: string, detail?: string, options: { cause?: unknown } = {}) {
    super(code, detail ? `${text}: ${detail}` : text, options);
    this.name = 'CliError';
    this.text = text;
    this.detail = detail;
  }
}
