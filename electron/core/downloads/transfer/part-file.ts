// The staging '<name>.part' file: positional writes (one or many buffers), truncation and fdatasync.

import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { onDisk } from './on-disk.ts';

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

  /**
   * Writes `chunks` back to back from `position` with one pwritev (a partial write continues where it
   * stopped): one system call and one trip through the thread pool for a whole batch of socket reads.
   */
  async writev(chunks: Uint8Array[], position: number): Promise<void> {
    let list = chunks;
    let at = position;
    let left = chunks.reduce((sum, c) => sum + c.length, 0);
    while (left > 0) {
      const { bytesWritten } = await onDisk(this.path, () => this.#handle.writev(list, at));
      if (bytesWritten === left) return;
      if (bytesWritten <= 0) throw new Error(`${this.path}: writev wrote nothing`);
      left -= bytesWritten;
      at += bytesWritten;
      list = dropBytes(list, bytesWritten);
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

/** The chunks after the first `bytes` bytes (the unwritten rest after a partial writev). */
function dropBytes(chunks: Uint8Array[], bytes: number): Uint8Array[] {
  let skip = bytes;
  let i = 0;
  while (i < chunks.length && skip >= chunks[i]!.length) skip -= chunks[i++]!.length;
  const rest = chunks.slice(i);
  if (skip > 0 && rest.length > 0) rest[0] = rest[0]!.subarray(skip);
  return rest;
}
