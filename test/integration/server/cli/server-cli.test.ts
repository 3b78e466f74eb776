import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type CliProcess, jsonOutput, runCli, startCli } from '../../../helpers/cli-process.ts';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { buyPack } from '../../../helpers/payments.ts';
import { StoreApi } from '../../../helpers/store-api.ts';

const running: CliProcess[] = [];
const dirs: string[] = [];

function copyTemplate(): string {
  const root = mkdtempSync(join(tmpdir(), 'megadisc-cli-'));
  dirs.push(root);
  const dir = join(root, 'store');
  cpSync(inject('templateStore'), dir, { recursive: true });
  return dir;
}

async function start(args: string[]): Promise<{ cli: CliProcess; url: string }> {
  const cli = startCli(['server', '--port', '0', ...args]);
  running.push(cli);
  const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return { cli, url: url! };
}

afterEach(() => {
  for (const cli of running.splice(0)) cli.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('megadisc server', () => {
  it('starts on a free loopback port and prints the demo account and vouchers', async () => {
    const { cli, url } = await start(['--data', copyTemplate(), '--demo']);
    expect(cli.output()).toMatch(/demo account: demo@megadisc\.local \/ demo/);
    expect(cli.output()).toMatch(/unused demo vouchers: MD-[A-Z0-9]{4}-/);
    const res = await new StoreApi(url).get('/v1/encodings');
    expect(res.status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('refuses bad flags with a one-line error', async () => {
    const bad = await runCli(['server', '--port', 'seventy']);
    expect(bad.code).toBe(2);
    expect(bad.output.trim().split('\n')).toHaveLength(1);
    expect((await runCli(['server', '--nope'])).code).toBe(2);
  });

  it('finishes an order after being killed mid-encode, charging each item once', async () => {
    const data = copyTemplate();
    const first = await start(['--data', data]);
    const api = await new StoreApi(first.url).login();
    const album = (await api.get('/v1/albums?sort=title&limit=1')).body.items[0];
    const created = await api.post(
      '/v1/orders',
      { albumId: album.id, encoding: 'mpc-standard' },
      { 'idempotency-key': 'kill-test-0001' },
    );
    expect(created.status).toBe(201);
    first.cli.child.kill('SIGKILL');
    await first.cli.exited;
    // The kill landed mid-order: nothing settled or released yet.
    const db = new DatabaseSync(join(data, 'store.db'));
    const state = db.prepare('SELECT state FROM orders WHERE id = ?').get(created.body.id) as {
      state: string;
    };
    const settled = db
      .prepare(`SELECT COUNT(*) AS n FROM ledger WHERE order_id = ? AND kind != 'reserve'`)
      .get(created.body.id) as { n: number };
    db.close();
    expect(state.state).toBe('processing');
    expect(settled.n).toBeLessThan(created.body.items.length + 1);

    const second = await start(['--data', data]);
    api.base = second.url;
    // The retry after the crash replays the order rather than buying again.
    const retry = await api.post(
      '/v1/orders',
      { albumId: album.id, encoding: 'mpc-standard' },
      { 'idempotency-key': 'kill-test-0001' },
    );
    expect(retry.body.id).toBe(created.body.id);
    const done = await api.waitForOrder(created.body.id);
    expect(done.state).toBe('complete');
    const { entries, account } = await expectLedgerBalances(api);
    const mine = entries.filter((e) => e.orderId === created.body.id);
    expect(mine.filter((e) => e.kind === 'reserve')).toHaveLength(1);
    expect(mine.filter((e) => e.kind === 'settle')).toHaveLength(done.items.length);
    expect(mine.filter((e) => e.kind === 'release')).toHaveLength(1);
    expect(account.reservedBytes).toBe(0);
    for (const item of done.items) {
      const file = await api.get(item.download.url);
      expect(file.body.subarray(0, 4).toString('latin1')).toBe('MPCK');
    }
  });
});

describe('megadisc server operator commands', () => {
  it('set the pack table, refund a pack while the server runs, report and check the books', async () => {
    const data = copyTemplate();
    const set = await runCli(['server', 'packs', 'set', '750MB', '6.50', '--data', data, '--json']);
    expect(set.code).toBe(0);
    expect(jsonOutput(set.output).packs).toContainEqual({
      id: '750MB',
      bytes: 750_000_000,
      priceMicros: 6_500_000,
    });
    const bad = await runCli(['server', 'packs', 'set', '750MB', 'six dollars', '--data', data]);
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/decimal number/);
    const config = join(data, '..', 'packs.json');
    writeFileSync(
      config,
      JSON.stringify({
        packs: [{ megabytes: 300, price: '4.00' }],
        loyalty: [{ from: '10.00', percent: '7.5' }],
      }),
    );
    const loaded = await runCli(['server', 'packs', 'load', config, '--data', data, '--json']);
    expect(jsonOutput(loaded.output)).toMatchObject({
      packs: [{ id: '300MB', priceMicros: 4_000_000 }],
      tiers: [{ fromMicros: 10_000_000, basisPoints: 750 }],
    });

    const { url } = await start(['--data', data]);
    const api = await new StoreApi(url).login();
    const before = (await api.get('/v1/account')).body.balanceBytes;
    const paid = await buyPack(api, '300MB');
    expect(paid.amount.micros).toBe(4_000_000);
    const refund = await runCli([
      'server',
      'refund',
      paid.id,
      '--reason',
      'duplicate',
      '--data',
      data,
      '--json',
    ]);
    expect(refund.code).toBe(0);
    expect(jsonOutput(refund.output)).toMatchObject({
      refundedBytes: 300_000_000,
      amount: { micros: 4_000_000 },
    });
    expect((await api.get('/v1/account')).body.balanceBytes).toBe(before);
    const twice = await runCli(['server', 'refund', paid.id, '--data', data]);
    expect(twice.code).toBe(1);
    expect(twice.output).toMatch(/NOT_REFUNDABLE/);

    const report = jsonOutput(
      (await runCli(['server', 'report', '--group', 'month', '--data', data, '--json'])).output,
    );
    expect(report.received).toEqual({ micros: 4_000_000, refundedMicros: 4_000_000 });
    const check = await runCli(['server', 'check-ledger', '--data', data]);
    expect(check.code).toBe(0);
    expect(check.output).toMatch(/ledger ok/);

    const sold = jsonOutput(
      (
        await runCli([
          'server',
          'vouchers',
          'create',
          '--mb',
          '10',
          '--sold-for',
          '0.20',
          '--data',
          data,
          '--json',
        ])
      ).output,
    );
    const redeemed = await api.post('/v1/account/vouchers', { code: sold.codes[0] });
    expect(redeemed.body).toMatchObject({
      kind: 'sold',
      creditedBytes: 10_000_000,
      entry: { paid: { micros: 200_000 } },
    });

    const token = jsonOutput(
      (await runCli(['server', 'operator-token', '--data', data, '--json'])).output,
    ).token;
    const books = await new StoreApi(url, token).get('/v1/operator/ledger-check');
    expect(books.status).toBe(200);
    expect(books.body).toMatchObject({ ok: true, problems: [] });
  });
});

describe('megadisc server rights commands', () => {
  it('lists, creates, edits and assigns rights holders, sets the rate and issues a statement', async () => {
    const data = copyTemplate();
    const run = async (...args: string[]) => runCli(['server', ...args, '--data', data]);
    const listed = jsonOutput((await run('rights-holders', '--json')).output).items.map((h: any) => h.name);
    expect(listed).toEqual(expect.arrayContaining(['8-Bit Cooperative', 'Bonus Round Music']));
    const created = jsonOutput(
      (await run('rights-holders', 'create', 'Night Shift', 'Records', '--rate', '12.5', '--json')).output,
    );
    expect(created).toMatchObject({ name: 'Night Shift Records', royaltyBasisPoints: 1250, releases: 0 });
    const edited = jsonOutput(
      (
        await run(
          'rights-holders',
          'edit',
          String(created.id),
          '--email',
          'royalties@nightshift.example',
          '--json',
        )
      ).output,
    );
    expect(edited.email).toBe('royalties@nightshift.example');
    const assigned = jsonOutput(
      (await run('rights-holders', 'assign', String(created.id), '1,2', '--json')).output,
    );
    expect(assigned.releases).toBe(2);
    expect((await run('rights-holders', 'create', 'Night Shift Records')).code).toBe(1);
    expect((await run('rights-holders', 'edit', 'x')).code).toBe(2);
    expect(jsonOutput((await run('royalty-rate', '14', '--json')).output)).toEqual({
      royaltyBasisPoints: 1400,
    });
    const issued = await run(
      'statements',
      'issue',
      '--holder',
      String(created.id),
      '--period',
      '2020-Q1',
      '--format',
      'dsr',
    );
    expect(issued.code).toBe(0);
    expect(issued.output).toMatch(/^HEAD\tDSR-FLAT\/1\.0\tST-\d{4}-\d{6}/m);
    expect(issued.output).toMatch(/^FOOT\t3\t1\t0\t0\t0$/m);
    const list = jsonOutput((await run('statements', 'list', '--json')).output).items;
    expect(list).toHaveLength(1);
    const audit = new DatabaseSync(join(data, 'store.db'));
    const actions = (
      audit.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]
    ).map((r) => r.action);
    audit.close();
    expect(actions).toEqual(
      expect.arrayContaining(['rights_holder.create', 'rights_holder.edit', 'rights_holder.assign']),
    );
  });
});
