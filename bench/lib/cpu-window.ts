// How busy the machine and one process were over a window (Linux /proc), so that a latency figure
// can be read next to what else was running: on a shared 2-core machine other work shows up in the
// tail latencies and the event-loop delay of the process under test.
import { readFileSync } from 'node:fs';
import { readCpuMs } from './proc-stats.ts';

interface Sample {
  at: number;
  busyTicks: number;
  totalTicks: number;
  processMs: number | null;
}

export interface CpuWindow {
  /** Share of all cores that were busy (any process), 0..1. */
  machineBusy: number;
  /** CPU time of the process, in cores (1 = one core all the time). */
  processCores: number;
  /** Load average over the last minute, at the end of the window. */
  load1: number;
}

function sample(pid: number): Sample {
  // The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { at: performance.now(), busyTicks: total - idle, totalTicks: total, processMs: readCpuMs(pid) };
}

/** Starts a window; call the returned function to close it. */
export function cpuWindow(pid: number): () => CpuWindow {
  const start = sample(pid);
  return () => {
    const end = sample(pid);
    const load1 = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
    return {
      machineBusy: (end.busyTicks - start.busyTicks) / Math.max(1, end.totalTicks - start.totalTicks),
      processCores:
        start.processMs === null || end.processMs === null
          ? Number.NaN
          : (end.processMs - start.processMs) / Math.max(1, end.at - start.at),
      load1,
    };
  };
}
