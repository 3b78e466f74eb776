import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, channelOf, EVENT_CHANNEL } from '../../../../electron/shared/app-api/bridge.ts';
import { METHOD_NAMES } from '../../../../electron/shared/app-api/contract.ts';
import { fake } from '../../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron.ts')).electronModule());

let bridge: Record<string, (...args: any[]) => any>;
// The preload runs once, as in a page; the bridge keeps the ipcRenderer it was built with.
beforeAll(async () => {
  fake.reset();
  await import('../../../../electron/preload/preload.ts');
  bridge = fake.exposed.get(BRIDGE_GLOBAL) as Record<string, (...args: any[]) => any>;
});
beforeEach(() => {
  fake.ipcRenderer.invoke.mockReset();
});

describe('preload', () => {
  it('exposes exactly the contract methods and onEvent, as functions, under the bridge global', () => {
    expect([...fake.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer.invoke);
  });

  it('invokes each method on its own channel with the input, and returns the envelope', async () => {
    fake.ipcRenderer.invoke.mockImplementation(async (channel: string, input: unknown) => ({
      ok: true,
      value: { channel, input },
    }));
    for (const method of METHOD_NAMES) {
      const reply = await bridge[method]!({ probe: method });
      expect(reply).toEqual({ ok: true, value: { channel: channelOf(method), input: { probe: method } } });
    }
    await bridge['app.info']!(undefined);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('megadisc:app.info', {});
  });

  it('turns a failed invoke into a failure envelope', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'megadisc:app.info'"));
    const reply = await bridge['app.info']!({});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: "No handler registered for 'megadisc:app.info'" },
    });
  });

  it('passes listeners only the event message, never the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent!(listener);
    const ipcEvent = { sender: fake.ipcRenderer, senderId: 0, ports: [] };
    const message = { name: 'balance', payload: { balance: { amount: '1.00' } } };
    fake.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, message);
    expect(listener).toHaveBeenCalledExactlyOnceWith(message);
    expect(listener.mock.calls[0]).not.toContain(ipcEvent);
    fake.ipcRenderer.emit('some-other-channel', ipcEvent, message);
    expect(listener).toHaveBeenCalledOnce();
    unsubscribe();
    expect(fake.ipcRenderer.count(EVENT_CHANNEL)).toBe(0);
    fake.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, message);
    expect(listener).toHaveBeenCalledOnce();
  });
});
