// Packs and checkouts from the client's side, against a scripted store: the calls and their keys,
// error codes, the payment page check, and the ledger sync once a checkout is paid.
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EngineEvents } from '../../../../../electron/core/events/engine-events.ts';
import { LedgerMirror } from '../../../../../electron/core/ledger/ledger-mirror.ts';
import { CheckoutDesk } from '../../../../../electron/core/payments/checkout-desk.ts';
import { openProfile, type ProfileDb } from '../../../../../electron/core/profile/open-profile.ts';
import { profileMigrations } from '../../../../../electron/core/profile/profile-migrations.ts';
import { StoreClient } from '../../../../../electron/core/store-client/store-client.ts';
import {
  account,
  checkout,
  entry,
  packTable,
  paidCheckout,
  usd,
} from '../../../../helpers/payment-fixtures.ts';
import {
  type Answer,
  json,
  type ScriptedServer,
  startScriptedServer,
} from '../../../../helpers/scripted-server.ts';

let server: ScriptedServer;
const TOKEN = 'mdt_test-token-123456';

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

/** Answers with `answer` and records what the request carried. */
function recording(
  seen: { key?: string; auth?: string; body: string; method?: string }[],
  answer: Answer,
): Answer {
  return (req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      seen.push({
        key: req.headers['idempotency-key'] as string | undefined,
        auth: req.headers.authorization,
        method: req.method,
        body,
      });
      answer(req, res);
    });
  };
}

const storeError = (code: string, status: number) =>
  json({ error: { code, message: `${code.toLowerCase()}` } }, status);

describe('store client: packs and checkouts', () => {
  it('reads the pack table with the account token, so the loyalty discount applies', async () => {
    const seen: { auth?: string; body: string }[] = [];
    server.on('/v1/packs', recording(seen, json(packTable())));
    const table = await new StoreClient({ baseUrl: server.url, token: TOKEN }).packs();
    expect(table.packs.map((p) => p.id)).toEqual(['100MB', '500MB', '2000MB']);
    expect(seen[0]!.auth).toBe(`Bearer ${TOKEN}`);
    // Logged out it still answers, at the list of prices without loyalty.
    await expect(new StoreClient({ baseUrl: server.url }).packs()).resolves.toMatchObject({
      currency: 'USD',
    });
    expect(seen[1]!.auth).toBeUndefined();
  });

  it('creates a checkout with an Idempotency-Key and retries a 503 with the same key', async () => {
    const seen: { key?: string; body: string; method?: string }[] = [];
    server.on(
      '/v1/checkouts',
      recording(seen, storeError('BUSY', 503)),
      recording(seen, json(checkout(), 201)),
    );
    const client = new StoreClient({ baseUrl: server.url, token: TOKEN, retryLimit: 1 });
    const created = await client.createCheckout('500MB');
    expect(created).toMatchObject({ id: 'pay_test0000000001', state: 'pending' });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect(JSON.parse(seen[0]!.body)).toEqual({ packId: '500MB' });
    expect(seen[0]!.key).toMatch(/^[\x21-\x7e]{8,200}$/);
    expect(seen[1]!.key).toBe(seen[0]!.key);
  });

  it('reads a checkout', async () => {
    server.on('/v1/checkouts/pay_test0000000001', json(paidCheckout()));
    const client = new StoreClient({ baseUrl: server.url, token: TOKEN });
    await expect(client.getCheckout('pay_test0000000001')).resolves.toMatchObject({
      state: 'paid',
      creditedBytes: 500_000_000,
    });
  });

  it.each([
    ['CHECKOUT_EXPIRED', 409],
    ['PAYMENT_DECLINED', 402],
    ['NOT_REFUNDABLE', 409],
    ['REFUND_EXCEEDS_BALANCE', 409],
  ])('maps the store code %s', async (code, status) => {
    server.on('/v1/checkouts/pay_errors00000001', storeError(code, status));
    const client = new StoreClient({ baseUrl: server.url, token: TOKEN, retryLimit: 0 });
    await expect(client.getCheckout('pay_errors00000001')).rejects.toMatchObject({ code, retryable: false });
  });
});

describe('checkout desk', () => {
  let home: string;
  let db: ProfileDb;
  let events: EngineEvents;
  let mirror: LedgerMirror;
  let desk: CheckoutDesk;

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'megadisc-checkout-'));
    db = openProfile(home);
    events = new EngineEvents();
    const scope = { store: server.url, accountId: 7 };
    const client = new StoreClient({ baseUrl: server.url, token: TOKEN, retryLimit: 0 });
    mirror = new LedgerMirror(db, scope, events);
    desk = new CheckoutDesk({ db, client, ledger: mirror, scope });
  });
  afterEach(() => {
    db.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('sends an unanswered attempt again with its key, and a new purchase with a new one', async () => {
    const seen: { key?: string; body: string }[] = [];
    server.on(
      '/v1/checkouts',
      recording(seen, storeError('BUSY', 503)),
      recording(seen, json(checkout(), 201)),
      recording(seen, json(checkout({ id: 'pay_test0000000002' }), 201)),
    );
    await expect(desk.start('500mb')).rejects.toMatchObject({ code: 'STORE_ERROR', retryable: true });
    await expect(desk.start('500MB')).resolves.toMatchObject({ id: 'pay_test0000000001' });
    await expect(desk.start('500MB')).resolves.toMatchObject({ id: 'pay_test0000000002' });
    expect(seen.map((s) => JSON.parse(s.body).packId)).toEqual(['500MB', '500MB', '500MB']);
    expect(seen[1]!.key).toBe(seen[0]!.key);
    expect(seen[2]!.key).not.toBe(seen[1]!.key);
  });

  it('never replays an attempt the store refused', async () => {
    const seen: { key?: string; body: string }[] = [];
    server.on(
      '/v1/checkouts',
      recording(seen, storeError('NOT_FOUND', 404)),
      recording(seen, json(checkout(), 201)),
    );
    await expect(desk.start('500MB')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await desk.start('500MB');
    expect(seen[1]!.key).not.toBe(seen[0]!.key);
  });

  it('starts afresh when the replay of an old attempt comes back expired', async () => {
    const seen: { key?: string; body: string }[] = [];
    server.on(
      '/v1/checkouts',
      recording(seen, storeError('BUSY', 503)),
      recording(seen, json(checkout({ state: 'expired', payUrl: null, failure: 'too late' }), 201)),
      recording(seen, json(checkout({ id: 'pay_test0000000002' }), 201)),
    );
    await expect(desk.start('500MB')).rejects.toMatchObject({ retryable: true });
    await expect(desk.start('500MB')).resolves.toMatchObject({ id: 'pay_test0000000002', state: 'pending' });
    expect(seen.map((s) => s.key)).toEqual([
      seen[0]!.key,
      seen[0]!.key,
      expect.not.stringMatching(seen[0]!.key!),
    ]);
  });

  it('refuses a bad pack id before anything is sent', async () => {
    server.on('/v1/checkouts', json(checkout(), 201));
    await expect(desk.start('lots')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(server.hits('/v1/checkouts')).toBe(0);
  });

  it.each([
    ['http://pay.example/pay_x', null],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['https://user:pw@pay.example/p', null],
    ['https://pay.example/pay_x?s=1', 'https://pay.example/pay_x?s=1'],
    ['http://localhost:8700/test-provider/pay/pay_x', 'http://localhost:8700/test-provider/pay/pay_x'],
    ['/test-provider/pay/pay_x', 'SERVER/test-provider/pay/pay_x'],
  ])('accepts a payment page at %s only when it is https or on this computer', async (payUrl, expected) => {
    server.on('/v1/checkouts', json(checkout({ payUrl }), 201));
    if (expected === null) {
      await expect(desk.start('500MB')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    } else {
      const started = await desk.start('500MB');
      expect(started.payUrl).toBe(expected.replace('SERVER', server.url));
    }
  });

  it('syncs the ledger once the checkout is paid, and only then', async () => {
    const id = 'pay_test0000000001';
    const balances: number[] = [];
    events.on('balance', (e) => balances.push(e.balance.balanceBytes));
    server.on('/v1/account', json(account(1_000_000_000)));
    server.on(
      '/v1/account/ledger',
      json({
        items: [
          entry({ id: 1, amountBytes: 500_000_000, voucher: 'MD-DEMO' }),
          entry({
            id: 2,
            amountBytes: 500_000_000,
            balanceAfterBytes: 1_000_000_000,
            paymentId: id,
            paid: usd(9_000_000),
          }),
        ],
        nextCursor: 'Ag',
      }),
      json({ items: [], nextCursor: 'Ag' }),
    );
    server.on(`/v1/checkouts/${id}`, json(checkout()), json(paidCheckout()));
    expect((await desk.status(id)).state).toBe('pending');
    expect(server.hits('/v1/account')).toBe(0);

    expect((await desk.status(id)).state).toBe('paid');
    expect(balances).toEqual([1_000_000_000]);
    expect(mirror.entries().at(-1)).toMatchObject({ kind: 'topup', paymentId: id, paid: usd(9_000_000) });
    expect(mirror.entries()[0]).toMatchObject({ voucher: 'MD-DEMO', paymentId: null, paid: null });
    const syncs = server.hits('/v1/account');

    // The credit is in the mirror: asking again costs one call, not a sync.
    await desk.status(id);
    expect(server.hits('/v1/account')).toBe(syncs);
  });
});

describe('profile migration 3', () => {
  it('keeps a mirrored history and fills in payments on the next sync', async () => {
    const home = mkdtempSync(join(tmpdir(), 'megadisc-old-profile-'));
    try {
      // A profile as the previous version left it: schema 3, one entry, a cursor past it.
      const old = new DatabaseSync(join(home, 'profile.db'));
      for (const sql of profileMigrations.slice(0, 3)) old.exec(sql);
      old.exec('PRAGMA user_version = 3');
      old
        .prepare(
          `INSERT INTO ledger_entries (store, account_id, id, kind, amount_bytes, reserved_delta_bytes, balance_after,
             reserved_after, created_at) VALUES (?, 7, 1, 'topup', 500000000, 0, 500000000, 0, '2026-11-23T10:00:00.000Z')`,
        )
        .run(server.url);
      old
        .prepare(
          `INSERT INTO ledger_state (store, account_id, cursor, balance_bytes, reserved_bytes, as_of)
           VALUES (?, 7, 'AQ', 500000000, 0, '2026-11-23T10:00:00.000Z')`,
        )
        .run(server.url);
      old.close();

      const db = openProfile(home);
      expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: profileMigrations.length });
      expect(db.prepare('SELECT cursor FROM ledger_state').get()).toEqual({ cursor: null });
      const mirror = new LedgerMirror(db, { store: server.url, accountId: 7 }, new EngineEvents());
      expect(mirror.entries()).toEqual([expect.objectContaining({ id: 1, paymentId: null, paid: null })]);

      server.on('/v1/account', json(account(500_000_000)));
      server.on(
        '/v1/account/ledger',
        json({
          items: [
            entry({ id: 1, amountBytes: 500_000_000, paymentId: 'pay_old0000000001', paid: usd(10_000_000) }),
          ],
          nextCursor: 'AQ',
        }),
        json({ items: [], nextCursor: 'AQ' }),
      );
      const view = await mirror.sync(new StoreClient({ baseUrl: server.url, token: TOKEN, retryLimit: 0 }));
      expect(view.mismatch).toBeNull();
      expect(mirror.entries()).toEqual([
        expect.objectContaining({ id: 1, paymentId: 'pay_old0000000001', paid: usd(10_000_000) }),
      ]);
      expect(db.prepare('SELECT cursor FROM ledger_state').get()).toEqual({ cursor: 'AQ' });
      db.close();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
