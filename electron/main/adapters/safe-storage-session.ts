// The store session encrypted with Electron's safeStorage (OS keychain) into a 0600 file in the
// profile. Without real encryption the session stays in memory only: the token never hits the disk
// in plaintext, and the user logs in again after a restart.
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionStore, StoredSession } from '../../core/session/session-file.ts';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded key, which is plaintext in all but name. */
  getSelectedStorageBackend?(): string;
}

export const SESSION_FILE_NAME = 'session.enc';

export class SafeStorageSessionStore implements SessionStore {
  readonly #path: string;
  readonly #safeStorage: SafeStorageLike;
  readonly #platform: NodeJS.Platform;
  #memory: StoredSession | null = null;

  constructor(home: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform) {
    this.#path = join(home, SESSION_FILE_NAME);
    this.#safeStorage = safeStorage;
    this.#platform = platform;
  }

  /** Whether the OS offers encryption worth the name (asked after app ready, as Electron requires). */
  canEncrypt(): boolean {
    if (!this.#safeStorage.isEncryptionAvailable()) return false;
    if (this.#platform !== 'linux') return true;
    return this.#safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  }

  async load(): Promise<StoredSession | null> {
    if (this.#memory) return this.#memory;
    if (!this.canEncrypt()) return null;
    try {
      const parsed = JSON.parse(this.#safeStorage.decryptString(await readFile(this.#path))) as StoredSession;
      if (typeof parsed.token !== 'string' || typeof parsed.storeUrl !== 'string') return null;
      this.#memory = parsed;
      return parsed;
    } catch {
      // Missing, or encrypted under another key (keychain reset): as good as logged out.
      return null;
    }
  }

  async save(session: StoredSession): Promise<void> {
    this.#memory = session;
    if (!this.canEncrypt()) {
      await rm(this.#path, { force: true });
      return;
    }
    const encrypted = this.#safeStorage.encryptString(JSON.stringify(session));
    await mkdir(join(this.#path, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${this.#path}.tmp`;
    await writeFile(tmp, encrypted, { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.#path);
  }

  async clear(): Promise<void> {
    this.#memory = null;
    await rm(this.#path, { force: true });
  }
}
