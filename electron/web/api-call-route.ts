// POST /api/call/:method: one contract method per request, JSON in, the result envelope out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodError } from 'zod';
import type { AppService } from '../core/app/app-host.ts';
import { failure, success } from '../shared/app-api/envelope.ts';
import { describeInputIssues } from '../shared/app-api/input-issues.ts';
import { sendFailure, sendJson } from './http-replies.ts';

/** Inputs are ids, queries and settings; nothing legitimate comes close. */
export const MAX_BODY_BYTES = 64 * 1024;

class BodyTooLarge extends Error {}

type Checks = typeof import('../shared/app-api/contract.ts') & { ZodError: typeof ZodError };
let checks: Promise<Checks> | null = null;

/**
 * The contract's input schemas (zod), loaded on the first call rather than before web mode can
 * print its address: by then the store and the engine have loaded zod anyway.
 */
function loadChecks(): Promise<Checks> {
  checks ??= Promise.all([import('../shared/app-api/contract.ts'), import('zod')]).then(
    ([contract, zod]) => ({ ...contract, ZodError: zod.ZodError }),
  );
  return checks;
}

/**
 * Every body this route sends is an envelope, whatever the status, so a client reads the body:
 * 200 for a call that ran (its own failures included), 400 for input that is not JSON or fails the
 * method's schema (INVALID_ARGUMENT), 404 for an unknown method, 405, 413 and 415 for a malformed request.
 */
export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  methodName: string,
  /** The service once it has started (a request may arrive first), or null after it answered itself. */
  service: () => Promise<AppService | null>,
  log: (message: string) => void,
): Promise<void> {
  const { isMethodName, parseInput, ZodError } = await loadChecks();
  if (!isMethodName(methodName))
    return sendFailure(res, 404, 'NOT_FOUND', `no app API method "${methodName}"`);
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendFailure(res, 405, 'INVALID_ARGUMENT', 'app API calls are POST requests');
  }
  // A plain HTML form cannot send this type without a CORS preflight, which we never grant.
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return sendFailure(res, 415, 'INVALID_ARGUMENT', 'the body must be application/json');

  let payload: unknown;
  try {
    const body = await readBody(req, MAX_BODY_BYTES);
    payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return sendFailure(res, 413, 'INVALID_ARGUMENT', `the body is over ${MAX_BODY_BYTES} bytes`);
    }
    if (error instanceof SyntaxError)
      return sendFailure(res, 400, 'INVALID_ARGUMENT', 'the body is not JSON');
    throw error;
  }

  let input: unknown;
  try {
    input = parseInput(methodName, payload);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return sendFailure(res, 400, 'INVALID_ARGUMENT', describeInputIssues(methodName, error.issues));
  }

  // Checked and parsed above while the core may still be starting; only the call waits for it.
  const started = await service();
  if (!started) return;
  const call = started.api[methodName] as (input: unknown) => Promise<unknown>;
  try {
    // undefined would vanish from the JSON and leave an envelope without its value.
    sendJson(res, 200, success((await call(input)) ?? null));
  } catch (error) {
    const envelope = failure(error);
    if (!envelope.ok && envelope.error.code === 'INTERNAL')
      log(`${methodName} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sendJson(res, 200, envelope);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep draining without storing, so the 413 reaches a client that is still sending.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
