// What both transports say when a call's input fails the contract's schema: the first few issues on
// one line, "store.album: id: expected number, received string". Takes zod's issues without importing
// zod, so web mode can keep zod out of its start-up path.

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const SHOWN = 3;

export function describeInputIssues(method: string, issues: readonly Issue[]): string {
  if (issues.length === 0) return `${method}: invalid input`;
  const shown = issues.slice(0, SHOWN).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > SHOWN ? ` (+${issues.length - SHOWN} more)` : '';
  return `${method}: ${shown.join('; ')}${more}`;
}
