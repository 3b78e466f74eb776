// Seeds one short demo store per test run; integration tests copy it instead of re-synthesizing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../server/catalog/seed-demo.ts';
import { openStore } from '../../server/store.ts';

/** Demo tracks at 4% of their length: 2-7 seconds each, enough to encode for real. */
export const TEST_DURATION_SCALE = 0.04;

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'megadisc-template-'));
  const dataDir = join(root, 'store');
  const store = await openStore({ dataDir });
  const demo = await seedDemo(store, { durationScale: TEST_DURATION_SCALE });
  await store.close();
  project.provide('templateStore', dataDir);
  project.provide(
    'demoVouchers',
    demo.unusedVouchers.map((v) => v.code),
  );
  return () => rmSync(root, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateStore: string;
    demoVouchers: string[];
  }
}
