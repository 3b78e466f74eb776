// A thin fetch wrapper for tests: JSON in, status + JSON (or bytes) out.
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export class StoreApi {
  base: string;
  token: string | undefined;

  constructor(base: string, token?: string) {
    this.base = base;
    this.token = token;
  }

  async request<T = any>(
    method: string,
    path: string,
    opts: { json?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.token && !('authorization' in headers)) headers.authorization = `Bearer ${this.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body });
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { headers });
  }

  post<T = any>(path: string, json: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { json, headers });
  }

  /** Registers a fresh account (a random email) and keeps its token. */
  async register(country?: string): Promise<this> {
    const email = `t-${crypto.randomUUID()}@example.com`;
    const res = await this.post('/v1/accounts', {
      email,
      password: 'correct horse',
      ...(country ? { country } : {}),
    });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.token;
    return this;
  }

  async login(email = 'demo@megadisc.local', password = 'demo'): Promise<this> {
    const res = await this.post('/v1/sessions', { email, password });
    if (res.status !== 201) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.token;
    return this;
  }

  /** Polls an order until no item is queued or encoding. */
  async waitForOrder(id: string, timeoutMs = 60_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.get(`/v1/orders/${id}`);
      if (res.status !== 200) throw new Error(`order ${id}: ${res.status}`);
      if (res.body.state !== 'processing') return res.body;
      if (Date.now() > deadline) throw new Error(`order ${id} still processing after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
