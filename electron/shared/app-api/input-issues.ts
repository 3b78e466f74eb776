// What both transports say when a call's input fails the contract's schema: the first few issues on
// one line, "store.album: id: expected number, received string".
import { issuesText, type SchemaIssue } from '../../../api/schemas/issue-text.ts';

export function describeInputIssues(method: string, issues: readonly SchemaIssue[]): string {
  if (issues.length === 0) return `${method}: invalid input`;
  return `${method}: ${issuesText(issues)}`;
}
