// How `megadisc` ends: 0 done, 1 failed, 2 bad usage, and a code of its own for each legal refusal,
// so a script can tell "not for sale" from "not in your country" from any other failure.

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** The release was taken down: not for sale to anyone. */
  notForSale: 3,
  /** The release is not licensed in the account's country. */
  notInCountry: 4,
  /** The store no longer serves owned files of a taken-down release again. */
  redownloadWithdrawn: 5,
} as const;

const BY_CODE: Record<string, number> = {
  TAKEN_DOWN: EXIT.notForSale,
  NOT_IN_TERRITORY: EXIT.notInCountry,
  REDOWNLOAD_WITHDRAWN: EXIT.redownloadWithdrawn,
};

/** The exit code of a command that failed with this error code. */
export function exitCodeFor(code: unknown): number {
  return typeof code === 'string' ? (BY_CODE[code] ?? EXIT.failed) : EXIT.failed;
}
