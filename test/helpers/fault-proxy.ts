// A scriptable HTTP proxy on loopback that injects download faults (resets, truncation, stalls, bad headers).
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  /** Send N body bytes, then a TCP RST (the client sees ECONNRESET). */
  | { kind: 'reset-after'; bytes: number }
  /** Headers keep the full Content-Length, but the socket is closed cleanly (FIN) after N body bytes. */
  | { kind: 'truncate-after'; bytes: number }
  /** Stop sending after N body bytes: for `ms`, then carry on; without `ms`, forever. */
  | { kind: 'stall'; afterBytes: number; ms?: number }
  /** Accept the request and never answer (not even headers). */
  | { kind: 'hang' }
  /** Answer without asking upstream, e.g. 503 with Retry-After. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Strip Range and If-Range before forwarding, so upstream answers 200 with the whole file. */
  | { kind: 'ignore-range' }
  /** Rewrite the ETag response header (default: a random strong ETag). */
  | { kind: 'change-etag'; etag?: string }
  /** Rewrite the Content-Range response header (default: the start shifted by one byte). */
  | { kind: 'wrong-content-range'; value?: string };

export interface RecordedRequest {
  method: string;
  url: string;
  range: string | null;
  ifRange: string | null;
  authorization: boolean;
  fault: Fault['kind'];
  status: number | null;
  /** Body bytes actually written to the client. */
  bodyBytes: number;
}

export interface Rule {
  when?: (request: RecordedRequest) => boolean;
  fault: Fault;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'];

export class FaultProxy {
  readonly url: string;
  readonly requests: RecordedRequest[] = [];
  readonly #server: http.Server;
  readonly #upstream: URL;
  readonly #agent = new http.Agent({ keepAlive: false });
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #rules: Rule[] = [];
  #down = false;

  private constructor(server: http.Server, upstream: URL) {
    this.#server = server;
    this.#upstream = upstream;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket) => {
      if (this.#down) {
        socket.resetAndDestroy();
        return;
      }
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (req, res) => this.#handle(req, res));
  }

  static async start(upstreamBase: string): Promise<FaultProxy> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FaultProxy(server, new URL(upstreamBase));
  }

  /** Replaces the queue: each request takes the first rule that matches it; with none left, it passes. */
  plan(rules: (Fault | Rule)[]): this {
    this.#rules = rules.map((r) => ('fault' in r ? r : { fault: r }));
    return this;
  }

  add(rule: Fault | Rule): this {
    this.#rules.push('fault' in rule ? rule : { fault: rule });
    return this;
  }

  /** Rules not used yet (a test can assert its script was fully played). */
  get pending(): number {
    return this.#rules.length;
  }

  /**
   * A store that is gone: while down, every connection (open ones too) is reset as soon as it is
   * accepted. The proxy keeps its port meanwhile, so nothing else can answer there.
   */
  setDown(down: boolean): void {
    this.#down = down;
    if (down) for (const socket of this.#sockets) socket.resetAndDestroy();
  }

  reset(): void {
    this.#rules = [];
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    this.#server.closeAllConnections();
    this.#agent.destroy();
    await closed;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const header = (name: string) => {
      const v = req.headers[name];
      return (Array.isArray(v) ? v[0] : v) ?? null;
    };
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      range: header('range'),
      ifRange: header('if-range'),
      authorization: header('authorization') !== null,
      fault: 'pass',
      status: null,
      bodyBytes: 0,
    };
    this.requests.push(record);
    const index = this.#rules.findIndex((r) => !r.when || r.when(record));
    const fault: Fault = index >= 0 ? this.#rules.splice(index, 1)[0]!.fault : { kind: 'pass' };
    record.fault = fault.kind;

    if (fault.kind === 'hang') return;
    if (fault.kind === 'status') {
      const body =
        fault.body ?? JSON.stringify({ error: { code: 'INJECTED', message: `injected ${fault.status}` } });
      const headers: OutgoingHttpHeaders = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      record.status = fault.status;
      res.writeHead(fault.status, headers).end(body);
      return;
    }
    const headers: OutgoingHttpHeaders = { ...req.headers, host: this.#upstream.host };
    for (const name of HOP_BY_HOP) delete headers[name];
    if (fault.kind === 'ignore-range') {
      delete headers.range;
      delete headers['if-range'];
    }
    const upstream = http.request(
      new URL(req.url ?? '/', this.#upstream),
      { method: req.method, headers, agent: this.#agent },
      (up) => this.#relay(up, res, fault, record),
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  #relay(up: IncomingMessage, res: ServerResponse, fault: Fault, record: RecordedRequest): void {
    const headers: OutgoingHttpHeaders = { ...up.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    if (fault.kind === 'change-etag') headers.etag = fault.etag ?? `"${randomBytes(8).toString('hex')}"`;
    if (fault.kind === 'wrong-content-range' && typeof headers['content-range'] === 'string') {
      headers['content-range'] = fault.value ?? shiftRange(headers['content-range']);
    }
    record.status = up.statusCode ?? 0;
    res.writeHead(up.statusCode ?? 502, headers);
    res.flushHeaders();

    const limit =
      fault.kind === 'reset-after' || fault.kind === 'truncate-after'
        ? fault.bytes
        : fault.kind === 'stall'
          ? fault.afterBytes
          : Number.POSITIVE_INFINITY;
    // flowing -> tripped (at the limit) -> resumed (only after a timed stall).
    let state: 'flowing' | 'tripped' | 'resumed' = 'flowing';
    const send = (chunk: Buffer) => {
      record.bodyBytes += chunk.length;
      if (!res.write(chunk)) {
        up.pause();
        res.once('drain', () => up.resume());
      }
    };
    const trip = (rest: Buffer) => {
      state = 'tripped';
      const socket = res.socket;
      if (fault.kind === 'reset-after') {
        up.destroy();
        // Once the bytes so far are handed to the kernel, abort the connection with an RST.
        res.write('', () => socket?.resetAndDestroy());
      } else if (fault.kind === 'truncate-after') {
        up.destroy();
        res.write('', () => socket?.end());
      } else if (fault.kind === 'stall') {
        up.pause();
        if (fault.ms === undefined) return;
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          state = 'resumed';
          if (rest.length > 0) send(rest);
          up.resume();
        }, fault.ms);
        this.#timers.add(timer);
      }
    };
    up.on('data', (chunk: Buffer) => {
      if (state === 'tripped') return;
      const room = limit - record.bodyBytes;
      if (state === 'resumed' || chunk.length < room) {
        send(chunk);
        return;
      }
      if (room > 0) send(chunk.subarray(0, room));
      trip(chunk.subarray(room));
    });
    up.on('end', () => {
      if (state !== 'tripped') res.end();
    });
    up.on('error', () => res.destroy());
  }
}

/** `bytes A-B/S` -> `bytes (A+1)-B/S`: plausible-looking but not what was asked for. */
function shiftRange(value: string): string {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value);
  return m ? `bytes ${Number(m[1]) + 1}-${m[2]}/${m[3]}` : 'bytes 0-0/1';
}
