// A throw-away source tree for the boundary checks: a temp folder with a few files written into it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface FixtureTree {
  root: string;
  write(path: string, text: string): void;
  remove(): void;
}

export function fixtureTree(): FixtureTree {
  const root = mkdtempSync(join(tmpdir(), 'md-bound-'));
  return {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
