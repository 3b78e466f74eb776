import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSession } from '../../../../../electron/core/session/session-file.ts';
import {
  SafeStorageSessionStore,
  SESSION_FILE_NAME,
} from '../../../../../electron/main/adapters/safe-storage-session.ts';
import { fake } from '../../../../helpers/fake-electron.ts';

const SESSION: StoredSession = {
  storeUrl: 'http://127.0.0.1:4000',
  accountId: 3,
  email: 'demo@megadisc.local',
  token: 'tok-SECRET-0123456789',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

let home: string;
beforeEach(() => {
  fake.reset();
  home = mkdtempSync(join(tmpdir(), 'md-session-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('safeStorage session store', () => {
  it('round-trips the session through an encrypted 0600 file', async () => {
    await new SafeStorageSessionStore(home, fake.safeStorage, 'linux').save(SESSION);
    const file = join(home, SESSION_FILE_NAME);
    const bytes = readFileSync(file);
    expect(bytes.toString('latin1')).not.toContain(SESSION.token);
    expect(bytes.toString('latin1')).not.toContain('demo@megadisc.local');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(fake.safeStorage.encryptString).toHaveBeenCalledOnce();
    // A fresh store (the next start) reads it back.
    expect(await new SafeStorageSessionStore(home, fake.safeStorage, 'linux').load()).toEqual(SESSION);
    expect(readdirSync(home)).toEqual([SESSION_FILE_NAME]);
  });

  it('clears the file and the memory', async () => {
    const store = new SafeStorageSessionStore(home, fake.safeStorage, 'darwin');
    await store.save(SESSION);
    await store.clear();
    expect(await store.load()).toBeNull();
    expect(readdirSync(home)).toEqual([]);
  });

  it('refuses to write plaintext when encryption is unavailable, keeping the session in memory only', async () => {
    fake.safeStorage.available = false;
    const store = new SafeStorageSessionStore(home, fake.safeStorage, 'darwin');
    await store.save(SESSION);
    expect(readdirSync(home)).toEqual([]);
    expect(fake.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(await store.load()).toEqual(SESSION);
    expect(await new SafeStorageSessionStore(home, fake.safeStorage, 'darwin').load()).toBeNull();
  });

  it("treats Linux's basic_text backend (a hard-coded key) as no encryption", async () => {
    fake.safeStorage.backend = 'basic_text';
    const store = new SafeStorageSessionStore(home, fake.safeStorage, 'linux');
    expect(store.canEncrypt()).toBe(false);
    await store.save(SESSION);
    expect(readdirSync(home)).toEqual([]);
    // The same backend name means nothing on other platforms.
    expect(new SafeStorageSessionStore(home, fake.safeStorage, 'win32').canEncrypt()).toBe(true);
  });

  it('removes a previously encrypted file when encryption goes away, and reads nothing from it', async () => {
    await new SafeStorageSessionStore(home, fake.safeStorage, 'linux').save(SESSION);
    fake.safeStorage.available = false;
    const store = new SafeStorageSessionStore(home, fake.safeStorage, 'linux');
    expect(await store.load()).toBeNull();
    await store.save({ ...SESSION, token: 'tok-NEW' });
    expect(readdirSync(home)).toEqual([]);
  });

  it('treats a file it cannot decrypt as no session', async () => {
    await new SafeStorageSessionStore(home, fake.safeStorage, 'linux').save(SESSION);
    fake.safeStorage.decryptString.mockImplementation(() => {
      throw new Error('Error while decrypting the ciphertext');
    });
    expect(await new SafeStorageSessionStore(home, fake.safeStorage, 'linux').load()).toBeNull();
  });
});
