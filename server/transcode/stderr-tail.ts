// Keeps the end of a child's stderr so a failure can quote it without buffering the whole log.

const ESC = String.fromCharCode(27);
// mpcenc colours its messages; escape codes would only garble error messages.
const ANSI_SEQUENCE = new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]`, 'g');
const MAX_LINE_CHARS = 300;

export class StderrTail {
  readonly #maxChars: number;
  #text = '';

  constructor(maxChars = 16_384) {
    this.#maxChars = maxChars;
  }

  push(chunk: string): void {
    this.#text = (this.#text + chunk).slice(-this.#maxChars);
  }

  /** The last `count` non-empty lines, cleaned of terminal escapes and capped in length. */
  lastLines(count = 5): string[] {
    return this.#text
      .replace(ANSI_SEQUENCE, '')
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .slice(-count)
      .map((line) => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line));
  }
}
