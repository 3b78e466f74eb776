// How long a process's threads waited for a core over a window (Linux /proc/<pid>/task/*/schedstat:
// run time, run-queue wait, timeslices, in ns): the time the process was ready to run and the OS ran
// something else. On a shared 2-core machine this, not the code under test, is what bounds tail
// latency and event-loop delay when other jobs run.
import { readdirSync, readFileSync } from 'node:fs';

function waitsByThread(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out; // not Linux, or the process is gone
  }
  for (const tid of tids) {
    try {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/);
      out.set(tid, Number(fields[1]));
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** Starts a window; the function it returns gives the wait, in ms per second of the window, summed over threads. */
export function runQueueWindow(pid: number): () => number {
  const before = waitsByThread(pid);
  const began = performance.now();
  return () => {
    let waitedNs = 0;
    for (const [tid, ns] of waitsByThread(pid)) waitedNs += ns - (before.get(tid) ?? 0);
    const seconds = (performance.now() - began) / 1000;
    return seconds > 0 ? waitedNs / 1e6 / seconds : 0;
  };
}
