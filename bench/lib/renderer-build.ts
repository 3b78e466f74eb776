// Builds the renderer from the working tree into a folder of the benchmark's own (never dist/, which
// other tools may be serving or rebuilding), so every run measures the code as it is now.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RendererBuild {
  dir: string;
  buildMs: number;
  /** What a first page load fetches, before compression (source maps excluded). */
  jsBytes: number;
  cssBytes: number;
}

function sizes(dir: string): { jsBytes: number; cssBytes: number } {
  let jsBytes = 0;
  let cssBytes = 0;
  for (const name of readdirSync(join(dir, 'assets'))) {
    const bytes = statSync(join(dir, 'assets', name)).size;
    if (name.endsWith('.js')) jsBytes += bytes;
    else if (name.endsWith('.css')) cssBytes += bytes;
  }
  return { jsBytes, cssBytes };
}

export async function buildRenderer(outDir: string): Promise<RendererBuild> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = await run(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      join(ROOT, 'vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, allowFailure: true },
  );
  if (result.code !== 0)
    throw new Error(`vite build failed (${result.code}): ${(result.stderr + result.stdout).slice(-1500)}`);
  return { dir: outDir, buildMs: result.ms, ...sizes(outDir) };
}
