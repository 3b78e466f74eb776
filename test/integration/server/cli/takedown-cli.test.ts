// The operator's takedown commands as real child processes over a copy of the demo store: file,
// list, decide, the redownload setting, account countries and the audit log; then the running
// server answers for what they decided.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliProcess, jsonOutput, runCli, startCli } from '../../../helpers/cli-process.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { copyTemplateStore } from '../../../helpers/test-server.ts';

const root = mkdtempSync(join(tmpdir(), 'megadisc-takedown-cli-'));
const data = join(root, 'store');
await copyTemplateStore(data);
let server: CliProcess | undefined;

afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(['server', ...args, '--data', data]);

describe('megadisc server takedowns', () => {
  it('files, lists and decides a notice; sets the policy and a country; shows the audit log', async () => {
    const noticeFile = join(root, 'notice.json');
    writeFileSync(
      noticeFile,
      JSON.stringify({
        claimant: { name: 'Ada Claimant', email: 'ada@example.com', address: '1 Rights Row' },
        onBehalfOf: 'Example Records Ltd',
        works: [{ type: 'album', id: 1 }],
        basis: 'We hold the exclusive rights to this recording.',
        goodFaith: true,
        accurate: true,
        signature: 'Ada Claimant',
      }),
    );
    const filed = await cli('takedowns', 'file', '--json-file', noticeFile, '--json');
    expect(filed.code).toBe(0);
    const { receiptId } = jsonOutput(filed.output);
    expect(receiptId).toMatch(/^TD-[A-Z2-7]{12}$/);

    const incompleteFile = join(root, 'incomplete.json');
    writeFileSync(incompleteFile, JSON.stringify({ works: [{ type: 'album', id: 1 }] }));
    const incomplete = await cli('takedowns', 'file', '--json-file', incompleteFile);
    expect(incomplete.code).toBe(1);
    expect(incomplete.output).toMatch(/missing: claimant\.name, .*signature \(NOTICE_INCOMPLETE\)/);
    expect((await cli('takedowns', 'file')).code).toBe(2);

    const list = await cli('takedowns');
    expect(list.code).toBe(0);
    expect(list.output).toMatch(
      new RegExp(`${receiptId}\\s+notice\\s+received .* Example Records Ltd: album 1`),
    );

    expect((await cli('takedowns', 'decide', receiptId, 'maybe', '--by', 'Legal')).code).toBe(2);
    expect((await cli('takedowns', 'decide', receiptId, 'approve')).code).toBe(2);
    const approved = await cli('takedowns', 'decide', receiptId, 'approve', '--by', 'Legal', '--note', 'ok');
    expect(approved.code).toBe(0);
    expect(approved.output).toContain(`${receiptId} approved by Legal`);
    const twice = await cli('takedowns', 'decide', receiptId, 'reject', '--by', 'Legal');
    expect(twice.code).toBe(1);
    expect(twice.output).toMatch(/already approved .*\(ALREADY_DECIDED\)/);

    expect(jsonOutput((await cli('settings', '--json')).output)).toEqual({ withdrawRedownloads: false });
    const on = await cli('settings', '--withdraw-redownloads', 'on', '--json');
    expect(jsonOutput(on.output)).toEqual({ withdrawRedownloads: true });
    expect((await cli('settings', '--withdraw-redownloads', 'maybe')).code).toBe(2);

    const moved = await cli('accounts', 'set-country', 'demo@megadisc.local', 'de', '--json');
    expect(jsonOutput(moved.output)).toEqual({ email: 'demo@megadisc.local', country: 'DE' });
    expect((await cli('accounts', 'set-country', 'nobody@example.com', 'DE')).code).toBe(1);
    expect((await cli('accounts', 'set-country', 'demo@megadisc.local', 'Germany')).code).toBe(2);
    expect((await cli('accounts', 'rename')).code).toBe(2);

    const log = jsonOutput((await cli('audit-log', '--json')).output).items;
    expect(log.map((e: any) => e.action)).toEqual([
      'account.country',
      'settings.withdraw_redownloads',
      'work.take_down',
      'notice.approve',
      'notice.file',
    ]);
    expect(log[3]).toMatchObject({ actor: 'Legal', detail: 'ok', subject: `notice:${receiptId}` });
    const text = await cli('audit-log', '--limit', '1');
    expect(text.output.trim()).toMatch(
      / operator {2}account\.country {2}account:demo@megadisc\.local {2}US -> DE$/,
    );

    const licensed = await cli('territories', '2', 'de,at', '--by', 'Licensing', '--json');
    expect(jsonOutput(licensed.output)).toEqual({ albumId: 2, territories: ['AT', 'DE'] });
    expect((await cli('territories', '2')).output).toContain('album 2: AT, DE');
    expect(jsonOutput((await cli('territories', '2', 'all', '--json')).output).territories).toBeNull();
    expect((await cli('territories', '2', 'Germany')).code).toBe(2);
    expect((await cli('territories', '99999', 'DE')).code).toBe(1);
    const last = jsonOutput((await cli('audit-log', '--limit', '2', '--json')).output).items;
    expect(last.map((e: any) => [e.actor, e.action, e.subject])).toEqual([
      ['operator', 'release.territories', 'album:2'],
      ['Licensing', 'release.territories', 'album:2'],
    ]);

    // The running server sees what the commands decided.
    server = startCli(['server', '--port', '0', '--data', data]);
    const [, url] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const api = new StoreApi(url!);
    const page = await api.get('/v1/albums/1');
    expect(page.status).toBe(451);
    expect(page.headers.get('link')).toBe(`<${url}/v1/takedowns/${receiptId}>; rel="blocked-by"`);
    expect((await api.get('/v1/availability?ids=1')).body.items[0]).toMatchObject({
      state: 'taken_down',
      redownload: false,
    });
    await api.login();
    expect((await api.get('/v1/account')).body.country).toBe('DE');
  });
});
