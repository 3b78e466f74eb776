// The renderer's first calls: the entry asks for the first screen's reads before the app has loaded,
// the components that mount later get those answers, and identical reads in flight share one.
import { describe, expect, it } from 'vitest';
import type { AppClient } from '../../../renderer/api/app-client.ts';
import { firstScreenReads, withFirstCalls } from '../../../renderer/api/first-calls.ts';
import { methodProxy } from '../../../renderer/api/method-proxy.ts';

function transport() {
  const sent: { method: string; input: unknown; answer: (value: unknown) => void }[] = [];
  const client = methodProxy(
    { transport: 'web', onEvent: () => () => undefined },
    (method, input) => new Promise((answer) => sent.push({ method, input, answer })),
  );
  return { client, sent };
}

describe('methodProxy', () => {
  it('makes every dotted property a call, and leaves the rest alone', async () => {
    const { client, sent } = transport();
    expect(client.transport).toBe('web');
    expect(client['store.home']).toBe(client['store.home']);
    const home = client['store.home']({});
    sent[0]!.answer('home');
    expect(await home).toBe('home');
    expect(sent.map((s) => s.method)).toEqual(['store.home']);
    // Not a thenable: awaiting the client itself must not call anything.
    expect((client as unknown as { then?: unknown }).then).toBeUndefined();
  });
});

describe('withFirstCalls', () => {
  it('asks for the shell’s reads, and the store home only on the store home', () => {
    expect(firstScreenReads('')).toEqual(['app.info', 'settings.get', 'account.balance', 'store.home']);
    expect(firstScreenReads('#/store')).toEqual([
      'app.info',
      'settings.get',
      'account.balance',
      'store.home',
    ]);
    expect(firstScreenReads('#/store/album/3')).toEqual(['app.info', 'settings.get', 'account.balance']);
    expect(firstScreenReads('#/library/albums')).toEqual(['app.info', 'settings.get', 'account.balance']);
  });

  it('hands a primed answer to the first caller, once', async () => {
    const { client: inner, sent } = transport();
    const first = withFirstCalls(inner);
    first.prime('#/store');
    expect(sent.map((s) => s.method)).toEqual(['app.info', 'settings.get', 'account.balance', 'store.home']);
    const api: AppClient = first.client;
    const home = api['store.home']({});
    expect(sent).toHaveLength(4);
    sent[3]!.answer({ newReleases: [] });
    expect(await home).toEqual({ newReleases: [] });
    // Taken: the next read asks again.
    void api['store.home']({});
    expect(sent).toHaveLength(5);
  });

  it('shares one answer between identical reads in flight, but never between commands', async () => {
    const { client: inner, sent } = transport();
    const api = withFirstCalls(inner).client;
    const a = api['settings.get']({});
    const b = api['settings.get']({});
    expect(sent).toHaveLength(1);
    sent[0]!.answer({ theme: 'dark' });
    expect(await a).toEqual({ theme: 'dark' });
    expect(await b).toEqual({ theme: 'dark' });
    // Answered: a new read goes out.
    void api['settings.get']({});
    expect(sent).toHaveLength(2);
    void api['downloads.pause']({ ids: 'all' });
    void api['downloads.pause']({ ids: 'all' });
    expect(sent.filter((s) => s.method === 'downloads.pause')).toHaveLength(2);
  });

  it('drops a primed answer nobody took in time', async () => {
    let now = 0;
    const { client: inner, sent } = transport();
    const first = withFirstCalls(inner, () => now);
    first.prime('');
    now = 60_000;
    void first.client['app.info']({});
    expect(sent.filter((s) => s.method === 'app.info')).toHaveLength(2);
  });
});
