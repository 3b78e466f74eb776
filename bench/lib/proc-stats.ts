// Memory and CPU of another process from /proc (Linux): VmRSS / VmHWM, utime + stime, and a sampler.
import { readFileSync } from 'node:fs';

export interface MemoryReading {
  /** Resident set size now, bytes. */
  rss: number;
  /** Peak resident set size so far (VmHWM), bytes. */
  hwm: number;
}

/** VmRSS and VmHWM of a live process, or null once it has gone (or is a zombie). */
export function readMemory(pid: number): MemoryReading | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (key: string) => {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : null;
  };
  const rss = kb('VmRSS');
  const hwm = kb('VmHWM');
  return rss === null || hwm === null ? null : { rss, hwm };
}

/** CPU time (user + system) a live process has used, in ms; null once it has gone. */
export function readCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * CPU time (user + system) of a live process's children that it has waited for (cutime + cstime:
 * e.g. the encoders a store ran, with their own children), in ms; null once it has gone.
 */
export function readChildrenCpuMs(pid: number | 'self'): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

export interface Sample {
  /** ms since the sampler started */
  t: number;
  rss: number;
  hwm: number;
  /** Whatever the caller's probe measured at the same moment (e.g. bytes on disk so far). */
  value: number;
}

/** Samples a process's memory every intervalMs (plus once at start) until stop() or until it exits. */
export class MemorySampler {
  readonly samples: Sample[] = [];
  readonly #pid: number;
  readonly #probe: () => number;
  readonly #started = performance.now();
  readonly #timer: NodeJS.Timeout;

  constructor(pid: number, intervalMs: number, probe: () => number = () => 0) {
    this.#pid = pid;
    this.#probe = probe;
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const memory = readMemory(this.#pid);
    if (!memory) return;
    this.samples.push({ t: performance.now() - this.#started, ...memory, value: this.#probe() });
  }

  stop(): Sample[] {
    clearInterval(this.#timer);
    return this.samples;
  }
}
