// Main-thread work of a page over an interval, from Chromium's own counters (CDP Performance domain):
// unlike frame times, these are not paced by the compositor.
import type { Page } from 'playwright-core';

export interface MainThreadWork {
  /** All main-thread tasks, ms. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  layouts: number;
  jsHeapBytes: number;
  domNodes: number;
}

export interface WorkMeter {
  /** The work done since the meter started (counters are cumulative for the page). */
  read(): Promise<MainThreadWork>;
}

export async function startWorkMeter(page: Page): Promise<WorkMeter> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const snapshot = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return new Map(metrics.map((m) => [m.name, m.value]));
  };
  const start = await snapshot();
  return {
    async read() {
      const end = await snapshot();
      const delta = (name: string) => (end.get(name) ?? 0) - (start.get(name) ?? 0);
      return {
        taskMs: delta('TaskDuration') * 1000,
        scriptMs: delta('ScriptDuration') * 1000,
        layoutMs: delta('LayoutDuration') * 1000,
        styleMs: delta('RecalcStyleDuration') * 1000,
        layouts: delta('LayoutCount'),
        jsHeapBytes: end.get('JSHeapUsedSize') ?? Number.NaN,
        domNodes: end.get('Nodes') ?? Number.NaN,
      };
    },
  };
}
