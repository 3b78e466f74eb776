// Finds what crosses a boundary: an import a layer must not make (layer-rules.ts), SQL outside the
// repositories (sql-homes.ts), folders that import each other (folder-cycles.ts), and tests whose
// folder does not say what they test (test-homes.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFolderCycles } from './folder-cycles.ts';
import { RULES, type Rule } from './layer-rules.ts';
import { importsOf, importTarget, rootPath, sourceFiles } from './source-files.ts';
import { findStrayQueries } from './sql-homes.ts';
import { findMisplacedTests } from './test-homes.ts';

export { importsOf, type Rule };

export interface Violation {
  /** The rule broken, by name. */
  rule: string;
  file: string;
  line: number;
  /** The offending import, the offending call for SQL, or the folder a misplaced test is in. */
  specifier: string;
  why: string;
}

function layerViolations(root: string, rules: Rule[]): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    for (const path of sourceFiles(join(root, rule.folder))) {
      const file = rootPath(root, path);
      if (rule.allowIn?.includes(file)) continue;
      for (const { specifier, line } of importsOf(readFileSync(path, 'utf8'))) {
        if (rule.forbid(specifier, importTarget(root, path, specifier)))
          violations.push({ rule: rule.name, file, line, specifier, why: rule.why });
      }
    }
  }
  return violations;
}

export function findViolations(root: string, rules: Rule[] = RULES): Violation[] {
  const queries = findStrayQueries(root).map(({ file, line, call }) => ({
    rule: 'sql-in-repositories',
    file,
    line,
    specifier: call,
    why: 'SQL runs only in the repositories that own a table (scripts/boundaries/sql-homes.ts)',
  }));
  const cycles = findFolderCycles(root).flatMap(({ folders, imports }) =>
    imports.map((i) => ({
      rule: 'no-folder-cycles',
      ...i,
      why: `these folders import each other: ${folders.join(' → ')}`,
    })),
  );
  const tests = findMisplacedTests(root).map(({ file, why }) => ({
    rule: 'tests-mirror-source',
    file,
    line: 1,
    specifier: file.slice(0, file.lastIndexOf('/') + 1),
    why,
  }));
  return [...layerViolations(root, rules), ...queries, ...cycles, ...tests];
}

/** One line of the report: the file and line, the rule, and what broke it. */
export function describeViolation(v: Violation): string {
  if (v.rule === 'tests-mirror-source') return `${v.file}: [${v.rule}] ${v.why}`;
  const what = v.rule === 'sql-in-repositories' ? 'calls' : 'imports';
  return `${v.file}:${v.line}: [${v.rule}] ${what} "${v.specifier}": ${v.why}`;
}
