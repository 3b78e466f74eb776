// Runs wrk with a Lua script that reports exact totals as JSON (and optionally rotates request paths).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup, run } from './harness.ts';

export interface WrkOptions {
  threads: number;
  connections: number;
  durationS: number;
  /** Paths to cycle through (each connection starts at a different offset); default: the URL's own path. */
  paths?: string[];
  /** Extra request headers (e.g. Range, If-Range), sent with every request. */
  headers?: Record<string, string>;
}

export interface WrkResult {
  requests: number;
  bytes: number;
  seconds: number;
  requestsPerS: number;
  mbPerS: number;
  /** Connect/read/write/timeout errors plus non-2xx/3xx responses. */
  errors: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

const DONE = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"bytes":%d,"us":%d,"errors":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.bytes, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

function rotation(paths: string[]): string {
  const list = paths.map((p) => `  ${JSON.stringify(p)},`).join('\n');
  return `
local paths = {
${list}
}
local counter = 0
local index = 1
setup = function(thread)
  counter = counter + 1
  thread:set("offset", counter * 7)
end
init = function(args)
  index = (offset or 0) % #paths + 1
end
request = function()
  local path = paths[index]
  index = index % #paths + 1
  return wrk.format("GET", path)
end
`;
}

export async function runWrk(url: string, opts: WrkOptions): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-wrk-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  onCleanup(remove); // in case the benchmark is interrupted mid-run
  try {
    const script = join(dir, 'report.lua');
    writeFileSync(script, (opts.paths ? rotation(opts.paths) : '') + DONE);
    const { stdout } = await run('wrk', [
      `-t${opts.threads}`,
      `-c${opts.connections}`,
      `-d${opts.durationS}s`,
      '--timeout',
      '10s',
      '-s',
      script,
      ...Object.entries(opts.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
      url,
    ]);
    const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
    if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
    const r = JSON.parse(line.slice('WRK_JSON '.length)) as Record<string, number>;
    const seconds = r.us! / 1e6;
    return {
      requests: r.requests!,
      bytes: r.bytes!,
      seconds,
      requestsPerS: r.requests! / seconds,
      mbPerS: r.bytes! / 1e6 / seconds,
      errors: r.errors!,
      latencyP50Ms: r.p50! / 1000,
      latencyP99Ms: r.p99! / 1000,
    };
  } finally {
    remove();
  }
}
