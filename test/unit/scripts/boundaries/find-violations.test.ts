import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findViolations, importsOf } from '../../../../scripts/boundaries/find-violations.ts';

let root: string;
function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('boundary check', () => {
  it('flags electron in the core, in every import form', () => {
    root = mkdtempSync(join(tmpdir(), 'md-bound-'));
    write('electron/core/a.ts', "import { app } from 'electron';\n");
    write('electron/core/b.ts', "const e = await import('electron');\n");
    write('electron/core/c.ts', "const { ipcMain } = require('electron');\n");
    write('electron/shared/d.ts', "export type { IpcMain } from 'electron/main';\n");
    write('electron/main/ok.ts', "import { app } from 'electron';\n");
    const found = findViolations(root)
      .map((v) => v.file)
      .sort();
    expect(found).toEqual([
      'electron/core/a.ts',
      'electron/core/b.ts',
      'electron/core/c.ts',
      'electron/shared/d.ts',
    ]);
  });

  it('flags Node built-ins in the renderer but allows packages', () => {
    root = mkdtempSync(join(tmpdir(), 'md-bound-'));
    write(
      'renderer/x.tsx',
      "import fs from 'node:fs';\nimport path from 'path';\nimport React from 'react';\n",
    );
    const found = findViolations(root);
    expect(found.map((v) => v.specifier).sort()).toEqual(['node:fs', 'path']);
    expect(found[0]!.line).toBeGreaterThan(0);
  });

  it('flags test code in the renderer', () => {
    root = mkdtempSync(join(tmpdir(), 'md-bound-'));
    write(
      'renderer/api/get-api.ts',
      "import { FakeAppApi } from '../../test/renderer/fake/fake-app-api.ts';\n",
    );
    write('renderer/app/ok.ts', "import { getApi } from '../api/get-api.ts';\n");
    expect(findViolations(root).map((v) => v.file)).toEqual(['renderer/api/get-api.ts']);
  });

  it('passes on this repository', () => {
    root = mkdtempSync(join(tmpdir(), 'md-bound-'));
    const repo = fileURLToPath(new URL('../../../..', import.meta.url));
    expect(findViolations(repo)).toEqual([]);
  });

  it('reads multi-line imports', () => {
    root = mkdtempSync(join(tmpdir(), 'md-bound-'));
    expect(importsOf("import {\n  a,\n  b,\n} from 'electron';").map((i) => i.specifier)).toEqual([
      'electron',
    ]);
  });
});
