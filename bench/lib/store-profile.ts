// CPU profile of this process (the in-process store) over chosen stretches of a benchmark, via the
// inspector, summed up as self time per function and per module, and inclusive time of the store's
// own frames. Each recorded stretch is saved as <out>-<n>.cpuprofile (open it in Chrome DevTools).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fmt, markdownTable } from './harness.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface StoreProfiler {
  /** Starts (or restarts) recording. */
  resume(): Promise<void>;
  /** Stops recording and keeps what was recorded. */
  pause(): Promise<void>;
  /** Writes the stretches and returns a markdown summary of all of them together. */
  save(out: string): Promise<string>;
}

export async function startProfile(): Promise<StoreProfiler> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const profiles: CpuProfile[] = [];
  let running = false;
  return {
    async resume() {
      if (running) return;
      await session.post('Profiler.start');
      running = true;
    },
    async pause() {
      if (!running) return;
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      running = false;
      profiles.push(profile);
    },
    async save(out: string) {
      const base = out.replace(/\.cpuprofile$/, '');
      profiles.forEach((p, i) => {
        writeFileSync(`${base}-${i + 1}.cpuprofile`, JSON.stringify(p));
      });
      session.disconnect();
      return summarize(profiles);
    },
  };
}

const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/(server|api|bench|test)\//, '$1/');

function moduleOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native / builtin)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 3).join('/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  return short(url);
}

/** Self and inclusive milliseconds per frame, from samples and time deltas. */
function summarize(profiles: CpuProfile[]): string {
  const self = new Map<string, number>();
  const byModule = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const p of profiles) {
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const selfMs = new Map<number, number>();
    const samples = p.samples ?? [];
    const deltas = p.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      selfMs.set(samples[i]!, (selfMs.get(samples[i]!) ?? 0) + ms);
    }
    for (const [id, ms] of selfMs) {
      const n = nodes.get(id)!;
      const name = n.callFrame.functionName || '(anonymous)';
      if (name === '(idle)') {
        idle += ms;
        continue;
      }
      total += ms;
      const key = `${name} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + ms);
      byModule.set(moduleOf(n), (byModule.get(moduleOf(n)) ?? 0) + ms);
      // Inclusive time of the store's own frames (each frame counted once per sample).
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const f = nodes.get(at)!.callFrame;
        if (!/\/(server|api)\//.test(f.url)) continue;
        const k = `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`;
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
      }
    }
  }
  const pct = (ms: number) => `${fmt((100 * ms) / total, 1)} %`;
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => [`\`${k}\``, fmt(ms, 0), pct(ms)]);
  return [
    `Busy ${fmt(total, 0)} ms, idle ${fmt(idle, 0)} ms (${fmt((100 * total) / (total + idle), 0)} % busy).\n`,
    markdownTable(['module', 'self ms', 'share'], top(byModule, 15)),
    '',
    markdownTable(['function (self time)', 'self ms', 'share'], top(self, 25)),
    '',
    markdownTable(['store frame (inclusive)', 'ms', 'share'], top(inclusive, 15)),
  ].join('\n');
}
