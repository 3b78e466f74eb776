// The store's operator commands in the operator's language: `megadisc server …` as real child
// processes with --lang ru and with LANG=ru_RU.UTF-8. Usage errors (exit 2) and refusals (exit 1)
// are Russian, refusals keep their code and the store's English message as detail; --json is the
// same in every language; English stays the default (the helper sets LANG=C.UTF-8).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../../../i18n/index.ts';
import { type CliProcess, runCli, startCli } from '../../../helpers/cli-process.ts';
import { noticeBody } from '../../../helpers/takedown-notices.ts';
import { copyTemplateStore } from '../../../helpers/test-server.ts';

const root = mkdtempSync(join(tmpdir(), 'megadisc-operator-lang-'));
/** A store with nothing in it (no catalog, no notices). */
const empty = join(root, 'empty');
const running: CliProcess[] = [];
const ru = translator('ru');
const RU = { LANG: 'ru_RU.UTF-8' };

afterAll(() => {
  for (const cli of running.splice(0)) cli.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const server = (args: string[], env: NodeJS.ProcessEnv = {}, data = empty) =>
  runCli(['server', ...args, '--data', data], env);
/** Intl puts no-break spaces in Russian numbers and units: "12,5 %". */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('megadisc server in Russian', () => {
  it('prints "no notices" in the chosen language: --lang, LANG, LC_ALL; English by default', async () => {
    const english = await server(['takedowns']);
    expect(english.code).toBe(0);
    expect(english.output.trim()).toBe('no notices');
    for (const [args, env] of [
      [['takedowns', '--lang', 'ru'], {}],
      [['takedowns'], RU],
      [['takedowns'], { LANG: 'en_US.UTF-8', LC_ALL: 'ru_RU.UTF-8' }],
    ] as const) {
      const r = await server([...args], env);
      expect(r.code, r.output).toBe(0);
      expect(r.output.trim()).toBe('уведомлений нет');
    }
    // --lang beats the terminal.
    expect((await server(['takedowns', '--lang', 'en'], RU)).output.trim()).toBe('no notices');
  });

  it('prints tables and confirmations in Russian, with Russian numbers and plurals', async () => {
    const packs = await server(['packs', '--lang', 'ru']);
    expect(packs.code).toBe(0);
    expect(packs.output).toMatch(/^пакет\s+цена \(USD\)$/m);
    expect(packs.output).toMatch(/^500MB\s+5,00$/m);
    expect(plain(packs.output)).toMatch(/^лояльность: скидка 5 % после трат на 25,00 \$$/m);
    expect(plain((await server(['royalty-rate', '12.5'], RU)).output).trim()).toBe(
      'ставка роялти: 12,5 % выручки',
    );
    expect((await server(['check-ledger'], RU)).output.trim()).toBe('книга в порядке: 0 аккаунтов');
    expect((await server(['settings', '--lang', 'ru'])).output).toContain('повторные загрузки');
    // English is unchanged.
    const english = await server(['packs']);
    expect(english.output).toMatch(/^pack {6}price \(USD\)$/m);
    expect(english.output).toMatch(/^loyalty: 5% off from \$25\.00 spent$/m);
    expect((await server(['royalty-rate'])).output.trim()).toBe('royalty rate: 12.5% of revenue');
    expect((await server(['check-ledger'])).output.trim()).toBe('ledger ok: 0 account(s)');
  });

  it('says usage errors in Russian and exits 2', async () => {
    const usage = await server(['territories', 'x', '--lang', 'ru']);
    expect(usage.code).toBe(2);
    expect(usage.output.trim()).toBe(
      'megadisc server territories: использование: megadisc server territories ALBUM_ID [all | CC,CC,…]',
    );
    const amount = await server(['packs', 'set', '750MB', 'six dollars'], RU);
    expect(amount.code).toBe(2);
    expect(amount.output.trim()).toBe(
      'megadisc server packs: сумма — десятичное число, например 5.00, а не «six dollars»',
    );
    const flags = await server(['audit-log', '--nope'], RU);
    expect(flags.code).toBe(2);
    expect(flags.output).toMatch(/^megadisc server audit-log: неверные аргументы: Unknown option '--nope'/);
    const start = await runCli(['server', '--port', 'seventy', '--lang', 'ru']);
    expect(start.code).toBe(2);
    expect(start.output.trim()).toBe('megadisc server: --port — число от 0 до 65535, а не seventy');
    const english = await server(['territories', 'x']);
    expect(english.code).toBe(2);
    expect(english.output.trim()).toBe(
      'megadisc server territories: usage: megadisc server territories ALBUM_ID [all | CC,CC,…]',
    );
  });

  it('says a refusal with the store’s Russian error text, the English detail and the code; exits 1', async () => {
    const text = ru.t('server.error.NOT_FOUND');
    for (const [args, env] of [
      [['territories', '99999', 'DE', '--lang', 'ru'], {}],
      [['territories', '99999', 'DE'], RU],
    ] as const) {
      const r = await server([...args], env);
      expect(r.code, r.output).toBe(1);
      expect(r.output.trim()).toBe(
        `megadisc server territories: ${text} Подробности: album 99999 not found (NOT_FOUND)`,
      );
    }
    const english = await server(['territories', '99999', 'DE']);
    expect(english.code).toBe(1);
    expect(english.output.trim()).toBe(
      'megadisc server territories: Not found. Details: album 99999 not found (NOT_FOUND)',
    );
  });

  it('files, lists and decides a notice in Russian; a second decision is refused in Russian', async () => {
    const data = join(root, 'demo');
    await copyTemplateStore(data);
    const noticeFile = join(root, 'notice.json');
    writeFileSync(noticeFile, JSON.stringify(noticeBody([{ type: 'album', id: 1 }])));
    const filed = await server(['takedowns', 'file', '--json-file', noticeFile], RU, data);
    expect(filed.code, filed.output).toBe(0);
    const [, id] = filed.output.match(/^(TD-[A-Z0-9]+): уведомление, получено \S/m) ?? [];
    expect(id, filed.output).toBeDefined();
    const list = await server(['takedowns'], RU, data);
    expect(list.output).toMatch(
      new RegExp(`^${id} {2}уведомление получено\\s+.+ {2}Example Records Ltd: альбом 1$`, 'm'),
    );
    const decided = await server(['takedowns', 'decide', id!, 'approve', '--by', 'Legal'], RU, data);
    expect(decided.output).toMatch(new RegExp(`^${id}: одобрено, решение принял\\(а\\) Legal, \\S`, 'm'));
    const twice = await server(['takedowns', 'decide', id!, 'reject', '--by', 'Legal'], RU, data);
    expect(twice.code).toBe(1);
    expect(twice.output.trim()).toMatch(
      new RegExp(
        `^megadisc server takedowns: ${ru.t('server.error.ALREADY_DECIDED')} Подробности: ${id} was already approved .* \\(ALREADY_DECIDED\\)$`,
      ),
    );
  });

  it('prints the same --json in English and in Russian', async () => {
    for (const args of [
      ['takedowns', '--json'],
      ['packs', '--json'],
      ['settings', '--json'],
      ['royalty-rate', '--json'],
      ['check-ledger', '--json'],
      ['rights-holders', '--json'],
      ['statements', '--json'],
    ]) {
      const english = await server(args);
      const russian = await server([...args, '--lang', 'ru']);
      expect(english.code, english.output).toBe(0);
      expect(russian.output, args.join(' ')).toBe(english.output);
      expect(() => JSON.parse(english.output)).not.toThrow();
    }
    expect((await server(['packs', '--json'], RU)).output).toBe((await server(['packs', '--json'])).output);
  });

  it('starts the store with Russian start-up lines', async () => {
    const cli = startCli(['server', '--port', '0', '--data', join(root, 'started'), '--lang', 'ru']);
    running.push(cli);
    await cli.waitFor(/^магазин работает по адресу http:\/\/127\.0\.0\.1:\d+$/m);
    expect(cli.output()).toMatch(/^данные в .*started$/m);
    expect(cli.output()).not.toMatch(/listening on/);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/^остановка…$/m);
  });
});
