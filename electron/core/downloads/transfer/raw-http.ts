// A GET over plain HTTP/1.1 on a bare TCP socket that reads straight into shared 1 MiB blocks: the
// kernel copies each read into memory that the .part write and the hashing thread then use as is.
// node:http copies every socket read into a new buffer instead (and the GC then chases those), which
// the profile showed as the biggest cost left on the download path. HTTPS goes through node:https.
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { holdView, releaseViews, retireBlock, takeBlock } from './byte-blocks.ts';

/** A read gets at least this much room; a block with less left is retired for a fresh one. */
const MIN_READ = 64 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

export interface RawGetOptions {
  headers: Record<string, string>;
  signal?: AbortSignal;
  /** Limit for the DNS lookup, and then again for the TCP connect. */
  connectMs: number;
  /** Called once the socket is connected (at once for a reused keep-alive socket). */
  onConnected: () => void;
  /**
   * Called at once with a way to end the exchange (before or after the headers), e.g. on a stall;
   * through redirects, once per hop.
   */
  onRequest: (request: { destroy(error?: Error): void }) => void;
}

type Framing =
  | { kind: 'length'; left: number }
  | { kind: 'chunked'; state: 'size' | 'data' | 'data-end' | 'trailer'; left: number; line: string }
  | { kind: 'close' }
  | { kind: 'none' };

/**
 * The response: status, headers and a body delivered as 'data' events of Buffer views into the
 * blocks, then 'end' (or 'error'), then 'close', like an IncomingMessage. The body waits (the socket
 * paused) until resume() is first called, so no byte is emitted before the caller listens. Each view
 * must be given back with release() once written and hashed, or its block is never reused.
 */
export class RawResponse extends EventEmitter {
  statusCode = 0;
  headers: IncomingHttpHeaders = {};
  complete = false;
  readonly #socket: Socket;
  #framing: Framing = { kind: 'none' };
  #started = false;
  #paused = false;
  /** Body views, and the end or error, that came before resume(). */
  #early: Buffer[] = [];
  #endedEarly = false;
  #errorEarly: Error | null = null;
  #closedEarly = false;
  #failed = false;

  constructor(socket: Socket) {
    super();
    this.#socket = socket;
    // The reader listens for the first error; a late second report must not become an uncaught one.
    this.on('error', () => {});
  }

  get destroyed(): boolean {
    return this.#socket.destroyed;
  }

  isPaused(): boolean {
    return this.#paused;
  }

  pause(): this {
    this.#paused = true;
    this.#socket.pause();
    return this;
  }

  resume(): this {
    this.#paused = false;
    if (!this.#started) {
      this.#started = true;
      for (const view of this.#early.splice(0)) this.emit('data', view);
      if (this.#endedEarly) this.emit('end');
      if (this.#errorEarly) this.emit('error', this.#errorEarly);
      if (this.#closedEarly) this.emit('close');
    }
    if (!this.#socket.destroyed && !this.complete) this.#socket.resume();
    return this;
  }

  destroy(error?: Error): this {
    this.#socket.destroy(error);
    return this;
  }

  /** Gives views back to their blocks (after they were written and hashed). */
  release(views: readonly Uint8Array[]): void {
    releaseViews(views);
  }

  /** @internal Starts the body with the response's framing. */
  begin(framing: Framing): void {
    this.#framing = framing;
    if (framing.kind === 'none' || (framing.kind === 'length' && framing.left === 0)) this.#finish();
  }

  /** @internal Body bytes from the socket (a view into a block, after the headers). */
  body(data: Buffer): void {
    const f = this.#framing;
    if (this.complete || data.length === 0) return;
    if (f.kind === 'length') {
      const take = Math.min(f.left, data.length);
      f.left -= take;
      this.#deliver(data.subarray(0, take));
      if (f.left === 0) this.#finish();
    } else if (f.kind === 'close') {
      this.#deliver(data);
    } else if (f.kind === 'chunked') {
      this.#chunked(f, data);
    }
  }

  /** @internal The socket's readable side ended (FIN). */
  socketEnded(): void {
    if (this.complete) return;
    if (this.#framing.kind === 'close') this.#finish();
    else this.fail(resetError('aborted'));
  }

  /** @internal */
  fail(error: Error): void {
    if (this.complete || this.#failed) return;
    this.#failed = true;
    if (!this.#started) this.#errorEarly ??= error;
    else this.emit('error', error);
    this.#socket.destroy();
  }

  /** @internal */
  closed(): void {
    if (!this.complete) this.fail(resetError('aborted'));
    if (!this.#started) this.#closedEarly = true;
    else this.emit('close');
  }

  #chunked(f: Extract<Framing, { kind: 'chunked' }>, data: Buffer): void {
    let at = 0;
    while (at < data.length && !this.complete) {
      if (f.state === 'data') {
        const take = Math.min(f.left, data.length - at);
        this.#deliver(data.subarray(at, at + take));
        at += take;
        f.left -= take;
        if (f.left === 0) f.state = 'data-end';
        continue;
      }
      // Line-oriented parts (sizes, the CRLF after the data, trailers): byte by byte, they are short.
      const byte = data[at++]!;
      if (byte !== 0x0a) {
        if (byte !== 0x0d) f.line += String.fromCharCode(byte);
        if (f.line.length > 4096) {
          this.fail(new Error('a chunk header line is too long'));
          return;
        }
        continue;
      }
      const line = f.line;
      f.line = '';
      if (f.state === 'data-end') {
        if (line !== '') {
          this.fail(new Error('a chunk did not end with CRLF'));
          return;
        }
        f.state = 'size';
      } else if (f.state === 'size') {
        const size = /^([0-9a-fA-F]{1,12})(?:\s*;.*)?$/.exec(line);
        if (!size) {
          this.fail(new Error(`bad chunk size "${line.slice(0, 40)}"`));
          return;
        }
        f.left = Number.parseInt(size[1]!, 16);
        f.state = f.left === 0 ? 'trailer' : 'data';
      } else if (line === '') {
        this.#finish();
      }
    }
  }

  #deliver(view: Buffer): void {
    if (view.length === 0) return;
    holdView(view);
    if (!this.#started) this.#early.push(view);
    else this.emit('data', view);
  }

  #finish(): void {
    if (this.complete) return;
    this.complete = true;
    if (!this.#started) this.#endedEarly = true;
    else this.emit('end');
    this.#socket.destroy();
  }
}

/**
 * Sends `GET` with `Connection: close` and resolves with the response once its headers are in.
 * Rejects with the socket's error, a `TimeoutError` (event 'lookup' or 'connect'), the signal's
 * AbortError, or a malformed-response error.
 */
export function rawGet(url: URL, options: RawGetOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    options.signal?.throwIfAborted();
    const request = requestHead(url, options.headers);
    let block = takeBlock();
    let fill = 0;
    let head: Buffer | null = Buffer.alloc(0);
    let response: RawResponse | null = null;
    let settled = false;
    const socket = connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 80),
      onread: {
        buffer: () => {
          if (BLOCK_LEFT(block, fill) < MIN_READ) {
            retireBlock(block);
            block = takeBlock();
            fill = 0;
          }
          return block.subarray(fill);
        },
        callback: (nread: number, buffer: Uint8Array) => {
          fill += nread;
          const data = Buffer.from(buffer.buffer, buffer.byteOffset, nread);
          if (response && head === null) response.body(data);
          else onHead(data);
          return true;
        },
      },
    });
    const raw = new RawResponse(socket);
    options.onRequest({ destroy: (error) => fail(error ?? resetError('aborted')) });
    const fail = (error: Error) => {
      clear();
      if (!settled) {
        settled = true;
        socket.destroy();
        reject(error);
      } else raw.fail(error);
    };
    const onHead = (data: Buffer) => {
      head = Buffer.concat([head!, data]);
      for (;;) {
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > MAX_HEADER_BYTES) fail(new Error('the response headers are too long'));
          return;
        }
        const parsed = parseHead(head.toString('latin1', 0, end));
        if (parsed instanceof Error) return fail(parsed);
        const rest = data.subarray(data.length - (head.length - end - 4));
        if (parsed.status >= 100 && parsed.status < 200) {
          // An interim answer (100 Continue): the real one follows.
          head = head.subarray(end + 4);
          continue;
        }
        head = null;
        raw.statusCode = parsed.status;
        raw.headers = parsed.headers;
        const framing = framingOf(parsed.status, parsed.headers);
        if (framing instanceof Error) return fail(framing);
        response = raw;
        settled = true;
        clear();
        // Nothing flows until the caller resumes: it attaches its listeners first.
        socket.pause();
        raw.begin(framing);
        raw.body(rest);
        resolve(raw);
        return;
      }
    };
    let timer: NodeJS.Timeout | null = null;
    const clear = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const limit = (event: 'lookup' | 'connect') => {
      clear();
      timer = setTimeout(() => {
        fail(
          Object.assign(new Error(`the ${event} took longer than ${options.connectMs} ms`), {
            name: 'TimeoutError',
            code: 'ETIMEDOUT',
            event,
          }),
        );
      }, options.connectMs);
    };
    limit('lookup');
    socket.once('lookup', () => limit('connect'));
    socket.once('connect', () => {
      limit('connect');
      clear();
      options.onConnected();
      socket.write(request);
    });
    const onAbort = () => fail(abortError(options.signal!));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('end', () => {
      if (!settled) fail(resetError('socket hang up'));
      else raw.socketEnded();
    });
    socket.on('error', (error) => fail(error));
    socket.once('close', () => {
      clear();
      options.signal?.removeEventListener('abort', onAbort);
      retireBlock(block);
      if (!settled) fail(resetError('socket hang up'));
      else raw.closed();
    });
  });
}

const BLOCK_LEFT = (block: Buffer, fill: number) => block.length - fill;

function requestHead(url: URL, headers: Record<string, string>): string {
  let text = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'connection') continue;
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new TypeError(`invalid header ${name}`);
    text += `${name}: ${value}\r\n`;
  }
  return `${text}Connection: close\r\n\r\n`;
}

function parseHead(text: string): { status: number; headers: IncomingHttpHeaders } | Error {
  const lines = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(lines[0] ?? '');
  if (!status) return new Error(`not an HTTP/1.x response: "${(lines[0] ?? '').slice(0, 60)}"`);
  const headers: Record<string, string | string[]> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || /^[ \t]/.test(line)) return new Error(`malformed header line "${line.slice(0, 60)}"`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const before = headers[name];
    if (name === 'set-cookie') headers[name] = [...((before as string[] | undefined) ?? []), value];
    else headers[name] = before === undefined ? value : `${before as string}, ${value}`;
  }
  return { status: Number(status[1]), headers: headers as IncomingHttpHeaders };
}

function framingOf(status: number, headers: IncomingHttpHeaders): Framing | Error {
  if (status === 204 || status === 304) return { kind: 'none' };
  const coding = String(headers['transfer-encoding'] ?? '').toLowerCase();
  if (coding !== '') {
    if (!/(^|,)\s*chunked\s*$/.test(coding)) return new Error(`unsupported transfer-encoding "${coding}"`);
    return { kind: 'chunked', state: 'size', left: 0, line: '' };
  }
  const length = headers['content-length'];
  if (length !== undefined) {
    const values = String(length)
      .split(',')
      .map((v) => v.trim());
    if (!values.every((v) => /^\d{1,15}$/.test(v) && v === values[0])) {
      return new Error(`bad content-length "${String(length).slice(0, 40)}"`);
    }
    return { kind: 'length', left: Number(values[0]) };
  }
  return { kind: 'close' };
}

function resetError(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('This operation was aborted'), { name: 'AbortError', cause: signal.reason });
}
