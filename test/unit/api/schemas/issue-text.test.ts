import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuePath, issuesText, issueText } from '../../../../api/schemas/issue-text.ts';

const Album = z.object({ id: z.number(), tracks: z.array(z.object({ title: z.string() })) });
const issuesOf = (value: unknown) => {
  const result = Album.safeParse(value);
  if (result.success) throw new Error('expected the schema to refuse the value');
  return result.error.issues;
};

describe('issue text', () => {
  it("names an issue by its dotted path, numbers and all, with zod's message", () => {
    const [issue] = issuesOf({ id: 1, tracks: [{ title: 'a' }, { title: 2 }] });
    expect(issuePath(issue!)).toBe('tracks.1.title');
    expect(issueText(issue!)).toMatch(/^tracks\.1\.title: .*string/i);
  });

  it('names an issue about the whole value by the word given, or gives its message alone', () => {
    const [issue] = issuesOf('not an object');
    expect(issuePath(issue!)).toBeNull();
    expect(issueText(issue!, '(root)')).toMatch(/^\(root\): /);
    expect(issueText(issue!)).toBe(issue!.message);
  });

  it('lists the first few issues and says how many more there were', () => {
    const issues = issuesOf({ id: 'x', tracks: [{ title: 1 }, { title: 2 }, { title: 3 }] });
    expect(issues).toHaveLength(4);
    const text = issuesText(issues, 2);
    expect(text.split('; ')).toHaveLength(2);
    expect(text).toMatch(/^id: .*; tracks\.0\.title: .* \(\+2 more\)$/);
    expect(issuesText(issues.slice(0, 1))).not.toContain('more');
  });
});
