import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsStore } from '../../../../../electron/core/settings/settings.ts';
import {
  electronStoreSettings,
  openSettingsStore,
} from '../../../../../electron/main/adapters/electron-store-settings.ts';

// electron-store itself needs Electron's app; this stand-in keeps its `store`/`set` API and its
// <cwd>/<name>.json file, so the test still sees real persistence.
vi.mock('electron-store', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  class FileBackedStore {
    readonly path: string;
    constructor(options: { name?: string; cwd: string }) {
      this.path = path.join(options.cwd, `${options.name ?? 'config'}.json`);
    }
    get store(): Record<string, unknown> {
      return fs.existsSync(this.path) ? JSON.parse(fs.readFileSync(this.path, 'utf8')) : {};
    }
    set(values: Record<string, unknown>) {
      fs.writeFileSync(this.path, JSON.stringify({ ...this.store, ...values }));
    }
  }
  return { default: FileBackedStore };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'md-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electron-store settings backend', () => {
  it('round-trips settings through the core SettingsStore and a real file', () => {
    const libraryDir = join(dir, 'Music');
    const settings = new SettingsStore(electronStoreSettings(openSettingsStore(dir)), { libraryDir });
    expect(settings.get().concurrency).toBe(3);
    settings.set({ concurrency: 5, theme: 'dark', bandwidthLimit: 65_536 });
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk).toEqual({ concurrency: 5, theme: 'dark', bandwidthLimit: 65_536 });
    // The next start reads what the last one wrote.
    const reopened = new SettingsStore(electronStoreSettings(openSettingsStore(dir)), { libraryDir });
    expect(reopened.get()).toMatchObject({
      concurrency: 5,
      theme: 'dark',
      bandwidthLimit: 65_536,
      libraryDir,
    });
  });
});
