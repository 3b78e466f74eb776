// Where the built files sit next to the built main process (dist/electron/main.js).
import { join } from 'node:path';

export interface BuiltPaths {
  /** dist/electron/preload.cjs: one bundled CommonJS file, since a sandboxed preload cannot require. */
  preload: string;
  /** dist/renderer: the renderer build, served over app://. */
  renderer: string;
}

export function builtPaths(mainDir: string): BuiltPaths {
  return { preload: join(mainDir, 'preload.cjs'), renderer: join(mainDir, '..', 'renderer') };
}
