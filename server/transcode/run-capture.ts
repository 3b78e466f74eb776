// Runs a short-lived command (a version or capability query) and captures its output.

import { spawn } from 'node:child_process';

export interface CaptureResult {
  /** Exit code, or null when the process died from a signal. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Rejects with the spawn error (its `code` is e.g. 'ENOENT') or a timeout error; never throws on exit codes. */
export function runCapture(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<CaptureResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`no answer within ${timeoutMs / 1000} s`));
      else resolve({ code, stdout, stderr });
    });
  });
}
