// Finds the Electron executable the `electron` package downloaded (path.txt names it inside dist/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type BinaryLookup = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): BinaryLookup {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json')))
    return { found: false, reason: 'electron package not installed' };
  let executable = '';
  try {
    executable = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the postinstall download never finished.
  }
  // The same override the electron package itself honours (a locally built or unpacked Electron).
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, executable || 'electron');
    return existsSync(path) ? { found: true, path } : { found: false, reason: `no executable at ${path}` };
  }
  if (!executable) return { found: false, reason: 'binary not downloaded' };
  const path = join(packageDir, 'dist', executable);
  return existsSync(path)
    ? { found: true, path }
    : { found: false, reason: 'binary missing from node_modules/electron/dist' };
}
