// One ipcMain.handle per contract method, generated from the contract: check the sender, validate
// the payload, call the app service, and answer with an envelope so error codes cross IPC intact.
import { ZodError } from 'zod';
import { channelOf } from '../../shared/app-api/bridge.ts';
import { type AppApi, METHOD_NAMES, type MethodName, parseInput } from '../../shared/app-api/contract.ts';
import { type Envelope, failure, success } from '../../shared/app-api/envelope.ts';
import { describeInputIssues } from '../../shared/app-api/input-issues.ts';
import { MegadiscError } from '../../shared/errors.ts';
import type { SenderEvent } from './trusted-sender.ts';

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: SenderEvent, payload: unknown) => Promise<Envelope<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcHandlerOptions {
  api: AppApi;
  isTrusted(event: SenderEvent): boolean;
}

/** Registers every method's handler; returns a function that removes them all. */
export function registerIpcHandlers(ipcMain: IpcMainLike, options: IpcHandlerOptions): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event, payload) => callMethod(method, event, payload, options));
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(channelOf(method));
  };
}

export async function callMethod(
  method: MethodName,
  event: SenderEvent,
  payload: unknown,
  options: IpcHandlerOptions,
): Promise<Envelope<unknown>> {
  if (!options.isTrusted(event)) {
    return failure(new MegadiscError('UNAUTHORIZED', `${method} called from an untrusted frame`));
  }
  let input: unknown;
  try {
    input = parseInput(method, payload);
  } catch (error) {
    return failure(
      new MegadiscError(
        'INVALID_ARGUMENT',
        error instanceof ZodError ? describeInputIssues(method, error.issues) : `${method}: invalid input`,
      ),
    );
  }
  try {
    const call = options.api[method] as (input: unknown) => Promise<unknown>;
    return success(await call(input));
  } catch (error) {
    return failure(error);
  }
}
