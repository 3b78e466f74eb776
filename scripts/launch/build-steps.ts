// The two builds `npm start` runs: the renderer (vite.config.ts) and the Electron shell
// (vite.electron.config.ts), each with the project's own vite, failing loudly.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export function viteBuild(root: string, args: string[]): Promise<void> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build ${args.join(' ')} failed (exit code ${code})`)),
    );
  });
}

export function buildRenderer(root: string): Promise<void> {
  return viteBuild(root, []);
}

export function buildElectron(root: string): Promise<void> {
  return viteBuild(root, ['-c', 'vite.electron.config.ts']);
}
