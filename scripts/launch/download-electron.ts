// One attempt at the Electron binary download (the package's own install.js, which honours
// ELECTRON_MIRROR and the cache settings), bounded in time, reduced to a one-line reason on failure.
import { spawn } from 'node:child_process';

export type DownloadResult = { ok: true } | { ok: false; reason: string };

export const DOWNLOAD_TIMEOUT_MS = 60_000;

export function downloadElectron(
  installScript: string,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<DownloadResult> {
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installScript], {
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Only the start matters for the reason; a stack trace can be long.
      if (stderr.length < 16_384) stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: `download timed out after ${timeoutMs / 1000} s` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true } : { ok: false, reason: shortReason(stderr, code) });
    });
  });
}

/** "RequestError: getaddrinfo ENOTFOUND github.com" out of a stack trace, or the exit code. */
export function shortReason(stderr: string, code: number | null): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  const line = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.find((l) => l !== '');
  if (!line) return `download failed (exit code ${code})`;
  const text = `download failed: ${line}`;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
