// Runs electron-builder for real on the app, with its real config, but against a stub Electron: the
// binary cannot be downloaded here, and what goes into app.asar does not depend on it.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Arch, build, Platform } from 'electron-builder';
import builderConfig from '../../../../electron-builder.config.ts';

/**
 * What electron-builder copies from an unpacked Electron for Linux: the executable (renamed to the
 * app's) and resources/, where app.asar goes. The real one also has Chromium's .pak files and libraries,
 * which only the installers, not the archive, would carry.
 */
function writeStubElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stub Electron: packaging test only" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
}

/** Packages `projectDir` as Linux x64 `dir` target under `workDir`; returns the path of app.asar. */
export async function packageWithStubElectron(projectDir: string, workDir: string): Promise<string> {
  const electronDist = join(workDir, 'electron-stub');
  writeStubElectron(electronDist);
  const output = join(workDir, 'out');
  // Fuses are flipped by patching the Electron binary, which a shell script is not: that one step is left
  // out here (the test checks the fuse values in the config instead). Everything else is the real config.
  const { electronFuses: _flippedOnlyOnARealBinary, ...config } = builderConfig;
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { ...config, electronDist, directories: { ...config.directories, output } },
  });
  return join(output, 'linux-unpacked', 'resources', 'app.asar');
}
