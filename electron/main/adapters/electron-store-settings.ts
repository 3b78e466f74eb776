// Settings kept by electron-store (a JSON file in userData), behind the core's SettingsBackend port.
import ElectronStore from 'electron-store';
import type { SettingsBackend } from '../../core/settings/settings.ts';

/** The part of electron-store the backend uses. */
export interface KeyValueStore {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

export function electronStoreSettings(store: KeyValueStore): SettingsBackend {
  return {
    read: () => ({ ...store.store }),
    write: (values) => store.set(values),
  };
}

/** <cwd>/settings.json; cwd defaults to userData. */
export function openSettingsStore(cwd?: string): KeyValueStore {
  return new ElectronStore<Record<string, unknown>>({ name: 'settings', ...(cwd ? { cwd } : {}) });
}
