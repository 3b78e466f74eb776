// Starts the app service over a temp profile; the embedded demo store is copied from the seeded test
// template, so a "first start" takes a second instead of synthesizing the demo catalog.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { AppHostPorts, AppService, StoreChoice } from '../../electron/core/app/app-host.ts';
import { createAppService } from '../../electron/core/app/create-app-service.ts';
import type { AppEventMap, AppEventName } from '../../electron/shared/app-api/events.ts';
import { TEST_DURATION_SCALE } from './global-setup.ts';

export function tempHome(prefix = 'megadisc-app-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Puts the seeded template where the embedded demo keeps its data. */
export function seedDemoFromTemplate(home: string): void {
  cpSync(inject('templateStore'), join(home, 'demo-store'), { recursive: true });
}

export function testPorts(home: string, extra: Partial<AppHostPorts> = {}): AppHostPorts {
  return {
    home,
    transport: 'web',
    version: '0.0.0-test',
    timeouts: { connectMs: 1000, idleMs: 2000 },
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    pollMs: 100,
    defaults: { libraryDir: join(home, 'library') },
    ...extra,
  };
}

export function startApp(
  home: string,
  choice: StoreChoice,
  extra: Partial<AppHostPorts> = {},
): Promise<AppService> {
  return createAppService(testPorts(home, extra), choice, {
    demoSeed: { durationScale: TEST_DURATION_SCALE },
    runnerBackoff: { baseDelayMs: 50, maxDelayMs: 500 },
  });
}

/** Records every event the service emits, and waits for the ones a test expects. */
export class EventLog {
  readonly seen: { name: AppEventName; payload: unknown }[] = [];
  readonly #off: (() => void)[] = [];

  constructor(service: AppService, names: AppEventName[]) {
    for (const name of names) {
      this.#off.push(service.events.on(name, (payload) => this.seen.push({ name, payload })));
    }
  }

  all<K extends AppEventName>(name: K): AppEventMap[K][] {
    return this.seen.filter((e) => e.name === name).map((e) => e.payload as AppEventMap[K]);
  }

  async next<K extends AppEventName>(
    name: K,
    match: (payload: AppEventMap[K]) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<AppEventMap[K]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.all(name).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${name} event within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  stop(): void {
    for (const off of this.#off) off();
  }
}

export async function until(probe: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
