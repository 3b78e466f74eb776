// Opens a file with the OS's default application, for hosts that run on the listener's own machine
// without Electron's shell (web mode binds loopback only, so its host is that machine).
import { spawn } from 'node:child_process';
import { MegadiscError } from '../../shared/errors.ts';

/** The command that hands a file to the default app; the path is one argument, never shell text. */
export function systemOpenCommand(
  absolutePath: string,
  platform: NodeJS.Platform = process.platform,
): [string, string[]] {
  if (platform === 'darwin') return ['open', [absolutePath]];
  // Not "cmd /c start": cmd would read & and ^ in a file name as its own syntax.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', absolutePath]];
  return ['xdg-open', [absolutePath]];
}

/** Resolves once the opener started; INVALID_STATE when this machine has none (a headless server). */
export function openWithSystem(absolutePath: string): Promise<void> {
  const [command, args] = systemOpenCommand(absolutePath);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', (error) =>
      reject(
        new MegadiscError('INVALID_STATE', `no system opener (${command}) on this machine`, { cause: error }),
      ),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
