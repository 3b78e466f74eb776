// The staging '<name>.part' file: positional writes, truncation, fdatasync and hashing of a resumed prefix.

import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { onDisk } from './disk-error.ts';

const READ_CHUNK = 256 * 1024;

export class PartFile {
  readonly path: string;
  readonly #handle: FileHandle;

  private constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.#handle = handle;
  }

  /** Opens for reading and writing without truncating: its bytes may be a prefix worth resuming. */
  static async open(path: string): Promise<PartFile> {
    const handle = await onDisk(path, () => open(path, constants.O_RDWR | constants.O_CREAT, 0o644));
    return new PartFile(path, handle);
  }

  async size(): Promise<number> {
    return (await onDisk(this.path, () => this.#handle.stat())).size;
  }

  /** Only touches the file when its length differs, so a fresh start on an empty file costs nothing. */
  async truncate(bytes: number): Promise<void> {
    if ((await this.size()) === bytes) return;
    await onDisk(this.path, () => this.#handle.truncate(bytes));
  }

  /** SHA-256 state over the first `bytes` bytes, read back from disk, ready to continue with new data. */
  async hashPrefix(bytes: number, signal?: AbortSignal): Promise<Hash> {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(1, bytes)));
    let position = 0;
    while (position < bytes) {
      signal?.throwIfAborted();
      const want = Math.min(buffer.length, bytes - position);
      const { bytesRead } = await onDisk(this.path, () => this.#handle.read(buffer, 0, want, position));
      if (bytesRead === 0) throw new Error(`${this.path} ended at ${position} of ${bytes} bytes`);
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return hash;
  }

  /** Writes all of `chunk` at `position` (a positional write may be partial, so loop). */
  async write(chunk: Uint8Array, position: number): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await onDisk(this.path, () =>
        this.#handle.write(chunk, offset, chunk.length - offset, position + offset),
      );
      offset += bytesWritten;
    }
  }

  /** fdatasync: the data (and the length) reach the disk; timestamps need not. */
  async sync(): Promise<void> {
    await onDisk(this.path, () => this.#handle.datasync());
  }

  async close(): Promise<void> {
    await this.#handle.close().catch(() => {});
  }
}
