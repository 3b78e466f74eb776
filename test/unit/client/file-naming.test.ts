import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePath, safeComponent } from '../../../electron/core/downloads/file-naming.ts';

describe('interim file naming', () => {
  it.each([
    ['AC/DC: Live?', 'AC_DC_ Live_'],
    ['trailing dots...', 'trailing dots'],
    ['..', '_'],
    ['\u202eevil\u202c', '_evil_'],
    ['tab\there', 'tab_here'],
    ['Cafe\u0301', 'Café'],
  ])('%j -> %j', (input, expected) => {
    expect(safeComponent(input)).toBe(expected);
  });

  it('never overwrites an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'megadisc-names-'));
    writeFileSync(join(dir, '01 Song.flac'), 'x');
    expect(await freePath(dir, '01 Song.flac')).toBe(join(dir, '01 Song (2).flac'));
    rmSync(dir, { recursive: true, force: true });
  });
});
