// Where the client profile lives by default, following each OS's convention.
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export function defaultHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MEGADISC_HOME) return env.MEGADISC_HOME;
  if (platform() === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Megadisc', 'profile');
  if (platform() === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Megadisc', 'profile');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'megadisc', 'profile');
}
