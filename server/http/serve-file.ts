// Sends an encoded file with a strong ETag, Repr-Digest and RFC 9110 range handling. The caller has
// already authorized the request; this only decides how the bytes go out:
// - hot files from memory (a bounded LRU of whole files, checked against the file on every request),
//   written straight to the socket with one write;
// - other files streamed from disk;
// - in X-Accel-Redirect mode, behind nginx (server/deploy/nginx-store.conf): no bytes at all, only the
//   headers and `X-Accel-Redirect: <prefix><path in the cache>`, and nginx sends the file.
import { close, open, read, type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { OutgoingHttpHeaders } from 'node:http';
import { isAbsolute, relative, sep } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideRange, ifRangeMatches } from '../../api/http/byte-range.ts';
import { StoreError } from '../errors/store-error.ts';
import { SENT } from './bind-route.ts';

export interface ServedFile {
  path: string;
  bytes: number;
  sha256: string;
  mimeType: string;
  fileName: string;
}

export interface FileServingOptions {
  /**
   * X-Accel-Redirect mode: `prefix` is nginx's `internal` location for `root` (the store's cache
   * folder). Used only for requests that nginx marks with `X-Sendfile-Type: X-Accel-Redirect`, so a
   * request that reaches the store some other way still gets its bytes.
   */
  accel?: { prefix: string; root: string };
  /** Bytes of whole files kept in memory (least recently used go first); 0 turns it off. */
  memoryBytes?: number;
  /** The largest file kept in memory; default a quarter of memoryBytes. */
  memoryFileBytes?: number;
  /** Read size when streaming from disk; default 1 MiB. */
  diskChunkBytes?: number;
}

export const DEFAULT_MEMORY_BYTES = 128 * 1024 * 1024;
/** How many files' facts (inode, size, mtime) are remembered, with or without their bytes. */
const MAX_FACTS = 4096;
/** The request header nginx sets (proxy_set_header) to say it handles X-Accel-Redirect. */
export const ACCEL_REQUEST_HEADER = 'x-sendfile-type';
/** Ranges nginx parses exactly like decideRange; anything more exotic is served by the store itself. */
const PLAIN_RANGE = /^bytes=(\d+-\d*|-\d+)$/i;
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export interface FileServer {
  serve(request: FastifyRequest, reply: FastifyReply, file: ServedFile): Promise<typeof SENT> | typeof SENT;
}

/** What the store knows about one file in its cache, valid while inode, size and mtime stay the same. */
interface FileFacts {
  ino: number;
  size: number;
  mtimeMs: number;
  lastModified: string;
  /** Requests for this file while it was known: a file goes into memory on its second one. */
  hits: number;
  data: Buffer | undefined;
  loading: Promise<Buffer | undefined> | undefined;
  /** X-Accel-Redirect target; null when the path cannot be one (outside the cache, odd characters). */
  accel: string | null | undefined;
  /** The Repr-Digest header of the last SHA-256 asked for with this file. */
  digest: { sha256: string; header: string } | undefined;
}

/** A cached encode went missing (cache cleared): temporary, so 503 with a hint when to come back. */
function reencoding(cause?: unknown): StoreError {
  return new StoreError('NOT_READY', 503, 'the file is being re-encoded; try again shortly', {
    cause,
    headers: { 'retry-after': '5' },
  });
}

function accelTarget(path: string, accel: NonNullable<FileServingOptions['accel']>): string | null {
  const rel = relative(accel.root, path);
  if (!rel || isAbsolute(rel)) return null;
  const parts = rel.split(sep);
  if (!parts.every((p) => SAFE_SEGMENT.test(p))) return null;
  return accel.prefix + parts.join('/');
}

export function createFileServer(opts: FileServingOptions = {}): FileServer {
  const memoryBytes = opts.memoryBytes ?? DEFAULT_MEMORY_BYTES;
  const memoryFileBytes = opts.memoryFileBytes ?? Math.floor(memoryBytes / 4);
  const accel = opts.accel;
  const disk = diskStreamer(opts.diskChunkBytes ?? 1024 * 1024);
  /** Insertion order is use order: the first entries are the least recently used. */
  const facts = new Map<string, FileFacts>();
  let heldBytes = 0;

  const forget = (path: string) => {
    const old = facts.get(path);
    if (!old) return;
    if (old.data) heldBytes -= old.data.length;
    facts.delete(path);
  };

  /** The file as it is now (one stat per request, like nginx's open+fstat), and what we know of it. */
  const factsOf = (file: ServedFile): FileFacts => {
    let info: Stats | undefined;
    try {
      info = statSync(file.path, { throwIfNoEntry: false });
    } catch (cause) {
      forget(file.path);
      throw reencoding(cause);
    }
    if (!info?.isFile() || info.size !== file.bytes) {
      forget(file.path);
      throw reencoding();
    }
    let known = facts.get(file.path);
    if (known && (known.ino !== info.ino || known.size !== info.size || known.mtimeMs !== info.mtimeMs)) {
      forget(file.path);
      known = undefined;
    }
    if (known) {
      facts.delete(file.path); // move to the most recently used end
      facts.set(file.path, known);
      known.hits += 1;
      return known;
    }
    known = {
      ino: info.ino,
      size: info.size,
      mtimeMs: info.mtimeMs,
      lastModified: info.mtime.toUTCString(),
      hits: 1,
      data: undefined,
      loading: undefined,
      accel: undefined,
      digest: undefined,
    };
    facts.set(file.path, known);
    if (facts.size > MAX_FACTS) forget(facts.keys().next().value!);
    return known;
  };

  const evict = () => {
    for (const [path, f] of facts) {
      if (heldBytes <= memoryBytes) return;
      if (f.data) {
        heldBytes -= f.data.length;
        f.data = undefined;
      }
      if (!f.loading) facts.delete(path);
    }
  };

  /** Reads a small enough file into memory once; concurrent requests share the read. */
  const load = (path: string, f: FileFacts): Promise<Buffer | undefined> => {
    f.loading ??= readFile(path)
      .then((data) => {
        f.loading = undefined;
        // Changed while we read it, or replaced meanwhile: serve it from disk this time.
        if (data.length !== f.size || facts.get(path) !== f) return undefined;
        f.data = data;
        heldBytes += data.length;
        evict();
        return data;
      })
      .catch(() => {
        f.loading = undefined;
        return undefined;
      });
    return f.loading;
  };

  const serve = (
    request: FastifyRequest,
    reply: FastifyReply,
    file: ServedFile,
  ): Promise<typeof SENT> | typeof SENT => {
    const f = factsOf(file);
    // The content hash is the validator: the same bytes always get the same ETag.
    const etag = `"${file.sha256}"`;
    if (f.digest?.sha256 !== file.sha256) {
      const header = `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`;
      f.digest = { sha256: file.sha256, header };
    }
    const headers: Record<string, string> = {
      etag,
      'last-modified': f.lastModified,
      'accept-ranges': 'bytes',
      'repr-digest': f.digest.header,
      'cache-control': 'private, max-age=3600',
      'content-type': file.mimeType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    };

    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      reply.headers(headers).code(304).send();
      return SENT;
    }
    const rawIfRange = request.headers['if-range'];
    const ifRange = Array.isArray(rawIfRange) ? rawIfRange[0] : rawIfRange;
    const range = request.headers.range;
    const decision = decideRange(
      ifRangeMatches(ifRange, etag, f.lastModified) ? range : undefined,
      file.bytes,
    );
    if (decision.kind === 'unsatisfiable') {
      throw new StoreError('RANGE_NOT_SATISFIABLE', 416, decision.reason, {
        headers: { 'content-range': `bytes */${file.bytes}` },
      });
    }

    if (
      accel &&
      request.method === 'GET' &&
      request.headers[ACCEL_REQUEST_HEADER]?.toString().toLowerCase() === 'x-accel-redirect' &&
      // nginx answers these itself from the same ETag and Last-Modified, so the outcome is the same:
      // no Range, or one plain range the store found satisfiable (If-Range included). The rare rest
      // (several ranges, a failed If-Range, If-Match) is served by the store below.
      (range === undefined || (decision.kind === 'partial' && PLAIN_RANGE.test(range))) &&
      request.headers['if-match'] === undefined &&
      request.headers['if-unmodified-since'] === undefined
    ) {
      f.accel ??= accelTarget(file.path, accel);
      if (f.accel) {
        // Headers only: nginx keeps Content-Type, Content-Disposition and Cache-Control of this answer
        // and adds ETag and Repr-Digest from it (nginx-store.conf); it sends Last-Modified and the
        // length, range and Accept-Ranges for the file it serves.
        const { 'last-modified': _, 'accept-ranges': __, ...kept } = headers;
        writeHead(reply, 200, { ...kept, 'x-accel-redirect': f.accel, 'content-length': '0' });
        reply.raw.end();
        return SENT;
      }
    }

    const { start, end } = decision.kind === 'partial' ? decision : { start: 0, end: file.bytes - 1 };
    const status = decision.kind === 'partial' ? 206 : 200;
    if (decision.kind === 'partial') headers['content-range'] = `bytes ${start}-${end}/${file.bytes}`;
    headers['content-length'] = String(end - start + 1);

    if (request.method === 'HEAD') {
      // Write the head ourselves: fastify would otherwise count the empty body and send Content-Length: 0.
      writeHead(reply, status, headers);
      reply.raw.end();
      return SENT;
    }
    const fromMemory = (data: Buffer): typeof SENT => {
      writeHead(reply, status, headers);
      reply.raw.end(start === 0 && end === data.length - 1 ? data : data.subarray(start, end + 1));
      return SENT;
    };
    if (f.data) return fromMemory(f.data);
    // Into memory on the second request while the file is known: one-off downloads of many different
    // files do not push the hot ones out.
    if (memoryBytes > 0 && file.bytes <= memoryFileBytes && (f.hits > 1 || f.loading)) {
      return load(file.path, f).then((data): typeof SENT | Promise<typeof SENT> => {
        if (data) return fromMemory(data);
        return disk(reply, file.path, status, headers, start, end);
      });
    }
    return disk(reply, file.path, status, headers, start, end);
  };

  return { serve };
}

/** Takes the response over from fastify and writes the head (the app's onSend hook is skipped too). */
function writeHead(reply: FastifyReply, status: number, headers: Record<string, string>): void {
  reply.hijack();
  const head = {
    ...reply.getHeaders(),
    ...headers,
    'x-content-type-options': 'nosniff',
  } as OutgoingHttpHeaders;
  reply.raw.writeHead(status, head);
}

/**
 * Streams bytes start..end of a file: reads of `chunkBytes` into buffers that are reused once the
 * socket has taken them (no garbage per request), each written before the next read. The file is
 * opened before the head goes out, so a file that left the cache still gets the 503; a read error
 * after that cuts the response short (its Content-Length shows it).
 */
function diskStreamer(chunkBytes: number) {
  const spare: Buffer[] = [];
  const maxSpare = Math.max(1, Math.floor((32 * 1024 * 1024) / chunkBytes));
  return (
    reply: FastifyReply,
    path: string,
    status: number,
    headers: Record<string, string>,
    start: number,
    end: number,
  ): Promise<typeof SENT> =>
    new Promise((resolve, reject) => {
      open(path, 'r', (openError, fd) => {
        if (openError) {
          reject(reencoding(openError));
          return;
        }
        writeHead(reply, status, headers);
        resolve(SENT);
        const res = reply.raw;
        let pos = start;
        let reading = false;
        let stopped = false;
        let closed = false;
        const closeFd = () => {
          if (closed || reading) return;
          closed = true;
          close(fd, () => {});
        };
        const stop = (error?: Error) => {
          if (stopped) return;
          stopped = true;
          if (error) res.destroy(error);
          closeFd();
        };
        // The client went away, or the response is complete.
        res.once('close', () => stop());
        const next = () => {
          if (stopped) return;
          const chunk = spare.pop() ?? Buffer.allocUnsafeSlow(chunkBytes);
          const release = () => {
            if (spare.length < maxSpare) spare.push(chunk);
          };
          reading = true;
          read(fd, chunk, 0, Math.min(chunkBytes, end + 1 - pos), pos, (readError, n) => {
            reading = false;
            if (stopped) {
              release();
              closeFd();
              return;
            }
            if (readError || n === 0) {
              release();
              stop(readError ?? new Error(`${path} ended before byte ${end}`));
              return;
            }
            pos += n;
            const bytes = n === chunkBytes ? chunk : chunk.subarray(0, n);
            const written = (writeError?: Error | null) => {
              release();
              if (writeError) stop(writeError);
              else if (pos <= end) next();
            };
            if (pos > end) res.end(bytes, written);
            else res.write(bytes, written);
          });
        };
        next();
      });
    });
}
