import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decideLaunch, mayDownload } from '../../../../scripts/launch/decide-launch.ts';
import { downloadElectron, shortReason } from '../../../../scripts/launch/download-electron.ts';
import { findElectronBinary } from '../../../../scripts/launch/electron-binary.ts';
import { type LaunchSteps, launch } from '../../../../scripts/launch/launch.ts';

const FALLBACK = /^Electron binary not available \((.+)\); starting web mode with the demo store instead\.$/;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'md-launch-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function electronPackage(pathTxt?: string, binary?: string) {
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name":"electron"}');
  if (pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), pathTxt);
  if (binary !== undefined) writeFileSync(join(dir, 'dist', binary), '#!/bin/sh\n');
}

function steps(overrides: Partial<LaunchSteps> = {}) {
  const lines: string[] = [];
  const s = {
    env: { MEGADISC_NO_ELECTRON_DOWNLOAD: '1' },
    log: vi.fn((line: string) => lines.push(line)),
    buildRenderer: vi.fn(async () => {}),
    buildElectron: vi.fn(async () => {}),
    findBinary: vi.fn(() => findElectronBinary(root, {})),
    download: vi.fn(async () => ({ ok: false as const, reason: 'download failed: getaddrinfo ENOTFOUND' })),
    runElectron: vi.fn(async () => 0),
    runWeb: vi.fn(async () => 0),
    ...overrides,
  };
  return { s, lines };
}

describe('finding the Electron binary', () => {
  it('reports why it is missing', () => {
    expect(findElectronBinary(root, {})).toEqual({ found: false, reason: 'electron package not installed' });
    electronPackage();
    expect(findElectronBinary(root, {})).toEqual({ found: false, reason: 'binary not downloaded' });
    electronPackage('electron');
    expect(findElectronBinary(root, {})).toMatchObject({ found: false });
  });

  it('finds dist/<path.txt>, or the override folder', () => {
    electronPackage('electron', 'electron');
    expect(findElectronBinary(root, {})).toEqual({
      found: true,
      path: join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
    const override = join(root, 'custom');
    mkdirSync(override);
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }).found).toBe(false);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      found: true,
      path: join(override, 'electron'),
    });
  });
});

describe('deciding the launch', () => {
  it('runs Electron when found, web mode with a reason otherwise', () => {
    expect(decideLaunch({ found: true, path: '/e' }, null)).toEqual({ mode: 'electron', binary: '/e' });
    expect(decideLaunch({ found: false, reason: 'binary not downloaded' }, null)).toEqual({
      mode: 'web',
      reason: 'binary not downloaded; download skipped',
    });
    expect(
      decideLaunch({ found: false, reason: 'x' }, { ok: false, reason: 'download failed: offline' }),
    ).toEqual({
      mode: 'web',
      reason: 'download failed: offline',
    });
    expect(mayDownload({ MEGADISC_NO_ELECTRON_DOWNLOAD: '1' })).toBe(false);
    expect(mayDownload({})).toBe(true);
  });

  it('falls back to web mode with one line when the binary is missing and download is off', async () => {
    electronPackage();
    const { s, lines } = steps();
    expect(await launch(s)).toBe(0);
    expect(s.buildRenderer).toHaveBeenCalledOnce();
    expect(s.download).not.toHaveBeenCalled();
    expect(s.buildElectron).not.toHaveBeenCalled();
    expect(s.runElectron).not.toHaveBeenCalled();
    expect(s.runWeb).toHaveBeenCalledOnce();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(FALLBACK);
    expect(lines[0]).toContain('binary not downloaded');
  });

  it('tries the download once, then falls back with its reason', async () => {
    electronPackage();
    const { s, lines } = steps({ env: {} });
    expect(await launch(s)).toBe(0);
    expect(s.download).toHaveBeenCalledOnce();
    expect(s.runWeb).toHaveBeenCalledOnce();
    expect(lines).toEqual([
      'Electron binary not available (download failed: getaddrinfo ENOTFOUND); starting web mode with the demo store instead.',
    ]);
  });

  it('launches Electron after a successful download, building the shell first', async () => {
    electronPackage();
    const { s, lines } = steps({
      env: {},
      download: vi.fn(async () => {
        electronPackage('electron', 'electron');
        return { ok: true as const };
      }),
      runElectron: vi.fn(async () => 3),
    });
    expect(await launch(s)).toBe(3);
    expect(s.buildElectron).toHaveBeenCalledOnce();
    expect(s.runElectron).toHaveBeenCalledWith(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    expect(s.runWeb).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('stops when a build fails', async () => {
    const { s } = steps({ buildRenderer: vi.fn(async () => Promise.reject(new Error('vite build failed'))) });
    await expect(launch(s)).rejects.toThrow('vite build failed');
    expect(s.runWeb).not.toHaveBeenCalled();
  });
});

describe('the download attempt', () => {
  it('reduces a failed install to a short reason', async () => {
    const script = join(root, 'install.js');
    writeFileSync(
      script,
      "console.error('RequestError: getaddrinfo ENOTFOUND example.invalid\\n    at ClientRequest.<anonymous> (x.js:1:1)'); process.exit(1);",
    );
    expect(await downloadElectron(script, { timeoutMs: 20_000 })).toEqual({
      ok: false,
      reason: 'download failed: RequestError: getaddrinfo ENOTFOUND example.invalid',
    });
  });

  it('gives up after its timeout', async () => {
    const script = join(root, 'hang.js');
    writeFileSync(script, 'setInterval(() => {}, 1000);');
    const started = Date.now();
    expect(await downloadElectron(script, { timeoutMs: 300 })).toEqual({
      ok: false,
      reason: 'download timed out after 0.3 s',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('succeeds when the install exits 0', async () => {
    const script = join(root, 'ok.js');
    writeFileSync(script, 'process.exit(0);');
    expect(await downloadElectron(script)).toEqual({ ok: true });
  });

  it('keeps reasons to one short line', () => {
    expect(shortReason('', 2)).toBe('download failed (exit code 2)');
    expect(shortReason(`Error: ${'x'.repeat(300)}`, 1).length).toBeLessThanOrEqual(120);
  });
});
