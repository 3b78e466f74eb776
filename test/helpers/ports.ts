// Ports a test owns, so nothing depends on a freed port staying free: a port outside the kernel's
// ephemeral range (bind(0) and outgoing connections never get it) held until the test hands it
// over, and a listener that resets every connection to stand for a store that is down.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

export interface HeldPort {
  port: number;
  url: string;
  /** Stops listening, so the code under test can bind the port. Nobody else binds it meanwhile. */
  release(): Promise<void>;
}

/** Lowest port the kernel hands out for bind(0) and outgoing connections (Linux; else the IANA default). */
function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return Number(low) || 49152;
  } catch {
    return 49152;
  }
}

function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve(true);
    });
  });
}

/**
 * Binds a port below the ephemeral range: once released, only code that asks for this port by
 * number can take it, unlike a port that bind(0) handed out, which any process may get next.
 */
export async function holdPort(): Promise<HeldPort> {
  const high = ephemeralLow() - 1;
  const low = Math.max(1024, high - 10_000);
  if (high <= low) throw new Error('no room below the ephemeral port range for a held port');
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    const server = createServer((socket) => socket.resetAndDestroy());
    if (!(await listen(server, port))) continue;
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      release: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }
  throw new Error(`no free port found between ${low} and ${high}`);
}

export interface ResettingListener {
  url: string;
  close(): Promise<void>;
}

/** Accepts every connection and resets it at once (the client sees ECONNRESET), for as long as it runs. */
export async function startResettingListener(): Promise<ResettingListener> {
  const server = createServer((socket) => socket.resetAndDestroy());
  await listen(server, 0);
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
