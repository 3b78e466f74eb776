// The bare-socket GET: framing (length, chunked, close), early body bytes, premature ends, bad answers.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawResponse, rawGet } from '../../../../../../electron/core/downloads/transfer/raw-http.ts';

/** What the next connection gets: a script of writes (with pauses), then an end or a reset. */
type Script = { writes: (string | Buffer)[]; pauseMs?: number; after?: 'end' | 'reset' | 'hold' };
let server: Server;
let url: string;
let script: Script = { writes: [] };
let lastRequest = '';
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    socket.on('data', async (d) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      lastRequest = head;
      const { writes, pauseMs = 0, after = 'end' } = script;
      for (const w of writes) {
        socket.write(w);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
      if (after === 'end') socket.end();
      else if (after === 'reset') socket.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/file?x=1`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const options = (extra: Partial<Parameters<typeof rawGet>[1]> = {}) => ({
  headers: { authorization: 'Bearer t', range: 'bytes=5-' },
  connectMs: 5000,
  onConnected: () => {},
  onRequest: () => {},
  ...extra,
});

/** Reads the whole body (after a tick, as a real caller would), releasing each view. */
async function body(response: RawResponse): Promise<{ bytes: Buffer; error: Error | null }> {
  await new Promise((r) => setTimeout(r, 10));
  const parts: Buffer[] = [];
  return new Promise((resolve) => {
    response.on('data', (view: Buffer) => {
      parts.push(Buffer.from(view));
      response.release([view]);
    });
    response.once('end', () => resolve({ bytes: Buffer.concat(parts), error: null }));
    response.once('error', (error: Error) => resolve({ bytes: Buffer.concat(parts), error }));
    response.resume();
  });
}

describe('rawGet', () => {
  it('sends the headers with Connection: close and reads a Content-Length body', async () => {
    const payload = Buffer.alloc(300_000, 7);
    script = {
      writes: [
        `HTTP/1.1 206 Partial Content\r\nContent-Length: ${payload.length}\r\nETag: "e"\r\n\r\n`,
        payload,
      ],
    };
    const response = await rawGet(new URL(url), options());
    expect(response.statusCode).toBe(206);
    expect(response.headers.etag).toBe('"e"');
    const got = await body(response);
    expect(got.error).toBeNull();
    expect(got.bytes.equals(payload)).toBe(true);
    expect(response.complete).toBe(true);
    expect(lastRequest).toMatch(/^GET \/file\?x=1 HTTP\/1\.1\r\n/);
    expect(lastRequest).toMatch(/\r\nauthorization: Bearer t\r\n/i);
    expect(lastRequest).toMatch(/\r\nrange: bytes=5-\r\n/i);
    expect(lastRequest).toMatch(/\r\nConnection: close\r\n\r\n$/);
  });

  it('keeps body bytes that came with the headers until the caller resumes', async () => {
    script = { writes: ['HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello'] };
    const response = await rawGet(new URL(url), options());
    expect((await body(response)).bytes.toString()).toBe('hello');
  });

  it('decodes a chunked body split at awkward places, with extensions and trailers', async () => {
    const raw =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n';
    script = { writes: raw.match(/[\s\S]{1,3}/g)!, pauseMs: 1 };
    const response = await rawGet(new URL(url), options());
    const got = await body(response);
    expect(got.error).toBeNull();
    expect(got.bytes.toString()).toBe('hello world');
  });

  it('reads a body without length to the close', async () => {
    script = { writes: ['HTTP/1.1 200 OK\r\n\r\nabc', 'def'], pauseMs: 5 };
    const response = await rawGet(new URL(url), options());
    expect((await body(response)).bytes.toString()).toBe('abcdef');
  });

  it('hands out what arrived, then fails, when the body ends short of its length', async () => {
    script = { writes: ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd'] };
    const response = await rawGet(new URL(url), options());
    const got = await body(response);
    expect(got.bytes.toString()).toBe('abcd');
    expect(got.error).toMatchObject({ code: 'ECONNRESET' });
    expect(response.complete).toBe(false);
  });

  it('skips an interim 100 Continue', async () => {
    script = { writes: ['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'] };
    const response = await rawGet(new URL(url), options());
    expect(response.statusCode).toBe(200);
    expect((await body(response)).bytes.toString()).toBe('ok');
  });

  it('rejects what is not an HTTP response', async () => {
    script = { writes: ['SSH-2.0-OpenSSH\r\n\r\n'] };
    await expect(rawGet(new URL(url), options())).rejects.toThrow(/not an HTTP\/1\.x response/);
  });

  it('rejects a connection closed before any answer', async () => {
    script = { writes: [], after: 'end' };
    await expect(rawGet(new URL(url), options())).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('rejects a bad Content-Length', async () => {
    script = { writes: ['HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n'] };
    await expect(rawGet(new URL(url), options())).rejects.toThrow(/bad content-length/);
  });

  it('gives up with the abort reason, and can be ended before the headers', async () => {
    script = { writes: [], after: 'hold' };
    const controller = new AbortController();
    const pending = rawGet(new URL(url), options({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    let end: ((error?: Error) => void) | null = null;
    const held = rawGet(new URL(url), options({ onRequest: (r) => (end = (e) => r.destroy(e)) }));
    setTimeout(() => end!(new Error('stalled')), 20);
    await expect(held).rejects.toThrow('stalled');
  });

  it('refuses header values that would split the request', async () => {
    script = { writes: ['HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'] };
    await expect(rawGet(new URL(url), options({ headers: { x: 'a\r\nb: c' } }))).rejects.toThrow(
      /invalid header/,
    );
  });
});
