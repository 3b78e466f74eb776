// Reusable 1 MiB blocks of shared memory that the socket reads straight into: no buffer per socket read
// (and so no garbage for the GC to chase), and the hashing thread reads the same memory, no copy.

export const BLOCK_BYTES = 1024 * 1024;
/**
 * Free blocks kept for reuse, for all transfers together (three fast transfers keep ~30 in use); the
 * rest go to the garbage collector, and so does the whole free list after a few idle seconds.
 */
const KEEP_FREE = 48;
const IDLE_MS = 15_000;
let trim: NodeJS.Timeout | null = null;

interface Block {
  buffer: Buffer;
  /** Views handed out and not released yet. */
  refs: number;
  /** The reader has moved on: the block is free again once every view is released. */
  retired: boolean;
}

const free: Block[] = [];
const blocks = new WeakMap<ArrayBufferLike, Block>();

/** A block to read into (from the free list, or a new one). */
export function takeBlock(): Buffer {
  const block = free.pop() ?? newBlock();
  block.refs = 0;
  block.retired = false;
  return block.buffer;
}

/** The reader will not read into `buffer` again. */
export function retireBlock(buffer: Buffer): void {
  const block = blocks.get(buffer.buffer);
  if (!block) return;
  block.retired = true;
  recycle(block);
}

/** A view into a block is in use (queued, being written or hashed) until released. */
export function holdView(view: Buffer): void {
  const block = blocks.get(view.buffer);
  if (block) block.refs += 1;
}

/** Done with views (written and hashed); views of other memory are ignored. */
export function releaseViews(views: readonly Uint8Array[]): void {
  for (const view of views) {
    const block = blocks.get(view.buffer);
    if (!block || block.refs === 0) continue;
    block.refs -= 1;
    recycle(block);
  }
}

function recycle(block: Block): void {
  if (block.retired && block.refs === 0 && free.length < KEEP_FREE && !free.includes(block)) {
    free.push(block);
    if (trim !== null) clearTimeout(trim);
    trim = setTimeout(() => {
      trim = null;
      free.length = 0;
    }, IDLE_MS);
    trim.unref();
  }
}

function newBlock(): Block {
  const buffer = Buffer.from(new SharedArrayBuffer(BLOCK_BYTES));
  const block: Block = { buffer, refs: 0, retired: false };
  blocks.set(buffer.buffer, block);
  return block;
}
