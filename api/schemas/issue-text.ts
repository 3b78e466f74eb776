// One way to name what is wrong with a value a schema refused: "album.id: expected number". Takes
// zod's issues without importing zod, so the app's transports can keep zod off their start-up path.

export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Where the issue is (its dotted path), or null when it is about the value as a whole. */
export function issuePath(issue: SchemaIssue): string | null {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : null;
}

/** "path: message"; an issue about the whole value is named by `whole`, or is its message alone. */
export function issueText(issue: SchemaIssue, whole?: string): string {
  const where = issuePath(issue) ?? whole;
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** The first `max` issues, "a: …; b: …", and how many more there were. */
export function issuesText(issues: readonly SchemaIssue[], max = 3, whole = 'input'): string {
  const shown = issues.slice(0, max).map((issue) => issueText(issue, whole));
  const more = issues.length > max ? ` (+${issues.length - max} more)` : '';
  return `${shown.join('; ')}${more}`;
}
