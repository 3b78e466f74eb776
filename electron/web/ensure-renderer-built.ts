// Makes sure the built renderer exists before web mode serves it, building it with vite if needed.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MegadiscError } from '../shared/errors.ts';

export interface RendererBuild {
  /** Where index.html and assets/ end up (dist/renderer). */
  rendererDir: string;
  /** The vite config that builds it. */
  configFile: string;
  /** Called once, before a build starts. */
  onBuild?: () => void;
}

/** Builds only when index.html is missing; a production install ships the built files. */
export async function ensureRendererBuilt({
  rendererDir,
  configFile,
  onBuild,
}: RendererBuild): Promise<void> {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch (cause) {
    throw new MegadiscError(
      'INVALID_STATE',
      `the UI is not built (${rendererDir} has no index.html) and vite is not installed: run "npm run build"`,
      { cause },
    );
  }
  if (!existsSync(configFile))
    throw new MegadiscError('INVALID_STATE', `the UI is not built and ${configFile} is missing`);
  onBuild?.();
  // Build beside the target and rename, so two starts at once never serve a half-written folder.
  const staging = join(dirname(rendererDir), `.renderer-build-${process.pid}-${Date.now()}`);
  await mkdir(dirname(rendererDir), { recursive: true });
  try {
    await vite.build({
      configFile,
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
    if (!existsSync(join(staging, 'index.html')))
      throw new MegadiscError('INVALID_STATE', `vite built no index.html; check ${configFile}`);
    if (!existsSync(join(rendererDir, 'index.html'))) {
      await rm(rendererDir, { recursive: true, force: true });
      await rename(staging, rendererDir).catch((error: unknown) => {
        // Another start may have renamed its build into place first; that one serves as well.
        if (!existsSync(join(rendererDir, 'index.html'))) throw error;
      });
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
