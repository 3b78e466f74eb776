// `npm start`: builds, then opens the desktop app, or web mode with the demo store when the Electron
// binary is missing and cannot be downloaded. Run as `node scripts/launch/start.ts [extra args]`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer } from './build-steps.ts';
import { downloadElectron } from './download-electron.ts';
import { findElectronBinary } from './electron-binary.ts';
import { launch } from './launch.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const extraArgs = process.argv.slice(2);

// node:sqlite is stable in practice but still flagged experimental on Node 22 (as in bin/megadisc.js).
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

function runElectron(binary: string): Promise<number> {
  const env = { ...process.env };
  // Set by some shells and CI images; it would make the binary act as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [join(root, 'dist', 'electron', 'main.js'), ...extraArgs], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`could not start Electron: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function runWeb(): Promise<number> {
  const { main } = await import('../../electron/cli/main.ts');
  return main(['web', '--demo', ...extraArgs]);
}

try {
  process.exitCode = await launch({
    env: process.env,
    log: (line) => process.stdout.write(`${line}\n`),
    buildRenderer: () => buildRenderer(root),
    buildElectron: () => buildElectron(root),
    findBinary: () => findElectronBinary(root),
    download: () => downloadElectron(join(root, 'node_modules', 'electron', 'install.js')),
    runElectron,
    runWeb,
  });
} catch (error) {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
