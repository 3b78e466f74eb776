// Where the store keeps its data by default, following each OS's convention.
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export function defaultDataRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (platform() === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Megadisc');
  if (platform() === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Megadisc');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'megadisc');
}

export function defaultStoreDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataRoot(env), 'store');
}
