import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../../../electron/main/ipc/ipc-handlers.ts';
import { isTrustedSender } from '../../../../../electron/main/ipc/trusted-sender.ts';
import { channelOf } from '../../../../../electron/shared/app-api/bridge.ts';
import { type AppApi, METHOD_NAMES } from '../../../../../electron/shared/app-api/contract.ts';
import { MegadiscError } from '../../../../../electron/shared/errors.ts';
import { FakeWebContents, fakeFrame } from '../../../../helpers/fake-electron.ts';

/** A fake app service: a few methods, each a spy; the rest must never be reached in these tests. */
function fakeApi() {
  const api = {
    'store.album': vi.fn(async ({ id }: { id: number }) => ({ id, title: `Album ${id}` })),
    'account.topup': vi.fn(async () => {
      throw new MegadiscError('VOUCHER_INVALID', 'voucher already used');
    }),
    'downloads.list': vi.fn(async () => {
      throw new Error('disk on fire');
    }),
    'settings.update': vi.fn(async (patch: object) => ({ concurrency: 3, ...patch })),
  };
  return api;
}

function setup() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<any>>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: any) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const contents = new FakeWebContents();
  const api = fakeApi();
  const unregister = registerIpcHandlers(ipcMain, {
    api: api as unknown as AppApi,
    isTrusted: (event) => isTrustedSender(event, contents.mainFrame),
  });
  const call = (method: string, payload: unknown, senderFrame: unknown = contents.mainFrame) =>
    handlers.get(channelOf(method as never))!({ senderFrame }, payload);
  return { handlers, ipcMain, contents, api, call, unregister };
}

describe('IPC handlers', () => {
  it('registers one handler per contract method, and removes them all', () => {
    const { handlers, ipcMain, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('calls the core for our main frame and wraps the value', async () => {
    const { call, api } = setup();
    expect(await call('store.album', { id: 7 })).toEqual({ ok: true, value: { id: 7, title: 'Album 7' } });
    expect(api['store.album']).toHaveBeenCalledExactlyOnceWith({ id: 7 });
  });

  it.each([
    ['another URL', () => fakeFrame('https://evil.example/')],
    ['a file URL', () => fakeFrame('file:///tmp/x.html')],
    ['a lookalike origin', () => fakeFrame('app://megadisc.evil/index.html')],
    ['a subframe of our page', () => fakeFrame('app://megadisc/index.html', fakeFrame('app://megadisc/'))],
    ['another window on our origin', () => fakeFrame('app://megadisc/index.html')],
    ['no frame at all', () => null],
  ])('refuses a call from %s without calling the core', async (_name, frame) => {
    const { call, api } = setup();
    const reply = await call('store.album', { id: 7 }, frame());
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('UNAUTHORIZED');
    expect(api['store.album']).not.toHaveBeenCalled();
  });

  it('refuses once our main frame has navigated away from app://megadisc', async () => {
    const { call, contents, api } = setup();
    contents.mainFrame.url = 'https://evil.example/';
    expect((await call('store.album', { id: 7 })).error.code).toBe('UNAUTHORIZED');
    expect(api['store.album']).not.toHaveBeenCalled();
  });

  it.each([
    [{ id: 'seven' }, 'id'],
    [{ id: -1 }, 'id'],
    [{ id: 7, extra: true }, 'extra'],
    ['not an object', 'input'],
  ])('answers INVALID_ARGUMENT for the bad payload %j', async (payload, mentions) => {
    const { call, api } = setup();
    const reply = await call('store.album', payload);
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('INVALID_ARGUMENT');
    expect(reply.error.message).toMatch(/^store\.album: /);
    expect(reply.error.message).toContain(mentions);
    expect(api['store.album']).not.toHaveBeenCalled();
  });

  it('validates against each method own schema', async () => {
    const { call, api } = setup();
    expect((await call('settings.update', { concurrency: 99 })).error.code).toBe('INVALID_ARGUMENT');
    expect(await call('settings.update', { concurrency: 4 })).toEqual({
      ok: true,
      value: { concurrency: 4 },
    });
    expect(api['settings.update']).toHaveBeenCalledOnce();
  });

  it('keeps the code of a thrown MegadiscError, and turns other errors into INTERNAL', async () => {
    const { call } = setup();
    expect(await call('account.topup', { code: 'USED-1' })).toEqual({
      ok: false,
      error: { code: 'VOUCHER_INVALID', message: 'voucher already used', retryable: false },
    });
    expect(await call('downloads.list', undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk on fire' },
    });
  });
});
