// Starts the store server (bench/lib/server-main.ts) in a child process and waits until it listens.
import { fileURLToPath } from 'node:url';
import { spawnTracked } from './harness.ts';

/** nodeArgs go before the entry (e.g. `--cpu-prof --cpu-prof-dir=DIR`: written when the server exits). */
export async function startServerProcess(
  dataDir: string,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<{ url: string; pid: number }> {
  const entry = fileURLToPath(new URL('./server-main.ts', import.meta.url));
  const child = spawnTracked(process.execPath, [...nodeArgs, entry, dataDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${timeoutMs} ms: ${stderr}`)),
      timeoutMs,
    );
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const match = /READY (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return { url, pid: child.pid! };
}
