// `megadisc packs` and `megadisc topup --pack` as a real child process against the real store on a
// free loopback port, paid (or not) on the built-in test provider's page as a buyer would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOutput, loginDemo, runCli, startCli } from '../../../helpers/cli-process.ts';
import { submitPayment, TEST_CARDS } from '../../../helpers/payments.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
/** The store's clock runs ahead of ours once a test lets a checkout expire. */
let ahead = 0;
const home = mkdtempSync(join(tmpdir(), 'megadisc-topup-cli-'));
const cli = (...args: string[]) => runCli([...args, '--home', home]);
const lastLine = (output: string) => output.trim().split('\n').at(-1);

beforeAll(async () => {
  server = await startTestServer({ now: () => Date.now() + ahead });
  await loginDemo(server.url, home);
});
afterAll(async () => {
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

/** Starts `topup --pack`, and answers with the payment page it printed. */
async function startTopup(...args: string[]) {
  const run = startCli(['topup', '--home', home, ...args]);
  const [, price, url] = await run.waitFor(/pay (\$\S+) for 500 MB at (\S+)\n/);
  return { run, price: price!, url: url! };
}

describe('megadisc packs', () => {
  it('prints the packs at my price, per MB and saving, and the next loyalty tier', async () => {
    const r = await cli('packs');
    expect(r.code, r.output).toBe(0);
    const lines = r.output.split('\n');
    expect(lines[0]).toMatch(/^pack\s+size\s+price\s+per MB\s+list\s+save$/);
    expect(lines.find((l) => l.startsWith('500MB'))).toMatch(
      /^500MB\s+500 MB\s+\$5\.00\s+\$0\.01\s+\$10\.00\s+50% \(\$5\.00\)$/,
    );
    expect(lines.find((l) => l.startsWith('100MB'))).toMatch(
      /^100MB\s+100 MB\s+\$2\.00\s+\$0\.02\s+\$2\.00$/,
    );
    expect(r.output).toMatch(
      /1 MB costs \$0\.02 one by one; no loyalty discount yet; spend \$25\.00 more for 5% off/,
    );
  });

  it('prints the pack table as JSON', async () => {
    const r = await cli('packs', '--json');
    expect(r.code, r.output).toBe(0);
    expect(JSON.parse(r.output).packs.map((p: { id: string }) => p.id)).toEqual([
      '100MB',
      '500MB',
      '2000MB',
      '5000MB',
    ]);
  });
});

describe('megadisc topup --pack', () => {
  it('prints the payment page, waits for the credit and says what arrived', async () => {
    const before = JSON.parse((await cli('balance', '--json')).output).availableBytes as number;
    const { run, price, url } = await startTopup('--pack', '500mb');
    expect(price).toBe('$5.00');
    expect((await submitPayment(url, { card: TEST_CARDS.succeeds })).heading).toBe('Payment complete');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('waiting for payment (Ctrl-C stops waiting)');
    // Sizes as English writes them: 1,000 MB.
    const available = new Intl.NumberFormat('en').format((before + 500_000_000) / 1_000_000);
    expect(lastLine(run.output())).toBe(`credited 500 MB (paid $5.00); available now ${available} MB`);
    const ledger = await cli('ledger');
    expect(ledger.output).toMatch(/topup\s+\+500 MB\s+\$5\.00\s+[\d,]+ MB\s+pay_\w+/);
  });

  it('exits non-zero with one line when the payment is declined; --json prints the final checkout', async () => {
    const { run, url } = await startTopup('--pack', '500MB', '--json');
    await submitPayment(url, { card: TEST_CARDS.declines });
    expect(await run.exited).toBe(1);
    expect(jsonOutput(run.output())).toMatchObject({ state: 'declined', creditedBytes: 0, payUrl: null });
    // The catalog's words for the code, then the store's reason as the detail.
    expect(lastLine(run.output())).toBe(
      'megadisc: The payment was declined. Nothing was charged; try again, perhaps with another card. ' +
        'Details: the payment was declined: The card was declined; nothing was charged (PAYMENT_DECLINED)',
    );
  });

  it('stops waiting after --timeout, and the checkout stays open', async () => {
    const { run } = await startTopup('--pack', '500MB', '--timeout', '1');
    expect(await run.exited).toBe(1);
    expect(lastLine(run.output())).toMatch(
      /^megadisc: The payment has not been confirmed yet\. .* Details: still waiting for the payment of pay_\w+; it can be paid until .* \(PAYMENT_PENDING\)$/,
    );
  });

  it('takes either a voucher code or a pack', async () => {
    const r = await cli('topup', 'MD-XXXX', '--pack', '500MB');
    expect(r.code).toBe(2);
    expect(r.output).toContain('give either a voucher CODE or --pack, not both (INVALID_ARGUMENT)');
  });

  it('says so when the checkout expires unpaid', async () => {
    const { run } = await startTopup('--pack', '500MB');
    // The store's clock passes the checkout's expiry; its next answer says so.
    ahead = 24 * 60 * 60_000;
    expect(await run.exited).toBe(1);
    expect(lastLine(run.output())).toBe(
      'megadisc: The checkout expired before it was paid. Nothing was charged; start a new one. ' +
        'Details: the checkout expired before it was paid: The checkout expired before it was paid; nothing was charged (CHECKOUT_EXPIRED)',
    );
  });
});
