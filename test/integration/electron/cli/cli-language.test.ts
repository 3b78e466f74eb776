// `megadisc` in Russian and English as a real child process against the real store: chosen by
// LANG (and LC_ALL, LC_MESSAGES, LANGUAGE) or by --lang; --json stays the same machine format.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../../i18n/translator.ts';
import { jsonOutput, loginDemo, runCli } from '../../../helpers/cli-process.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
const home = mkdtempSync(join(tmpdir(), 'megadisc-cli-lang-'));
const RU = { LANG: 'ru_RU.UTF-8' };
const ru = translator('ru');
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, '--home', home], env);
/** Intl separates thousands and units with no-break spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
let albumId: number;
/** The time a balance was synced, the one thing that differs between two runs. */
const sameMoment = (json: string) => json.replace(/"asOf": "[^"]+"/g, '"asOf": "…"');

beforeAll(async () => {
  server = await startTestServer();
  await loginDemo(server.url, home);
  expect((await cli(['config', '--library-dir', join(home, 'library')])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('megadisc in Russian', () => {
  it('shows its help in Russian with LANG=ru_RU.UTF-8, and with --lang ru', async () => {
    for (const [args, env] of [
      [['--help'], RU],
      [['--lang', 'ru', '--help'], {}],
      [['help', '--lang=ru'], { LANG: 'en_US.UTF-8' }],
    ] as const) {
      const r = await runCli([...args], env);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toContain('megadisc: музыка по мегабайтам');
      expect(r.output).toContain('  megadisc topup CODE               погасить ваучер');
      expect(r.output).toContain('Язык: каждая команда принимает --lang en|ru');
      expect(r.output).not.toContain('redeem a voucher');
    }
  });

  it('lets --lang win over the environment, and speaks English for LANG=C', async () => {
    for (const [args, env] of [
      [['--help', '--lang', 'en'], { LC_ALL: 'ru_RU.UTF-8' }],
      [['--help'], { LANG: 'C' }],
      [['--help'], { LANG: 'C.UTF-8', LANGUAGE: '' }],
      [['--help'], { LANG: 'de_DE.UTF-8' }],
    ] as const) {
      const r = await runCli([...args], env);
      expect(r.code).toBe(0);
      expect(r.output).toContain('megadisc: buy music by the megabyte');
      expect(r.output).toContain('Language: every command takes --lang en|ru');
    }
    // LC_ALL overrides LANG, as setlocale does.
    expect((await runCli(['--help'], { LANG: 'en_US.UTF-8', LC_ALL: 'ru_RU.UTF-8' })).output).toContain(
      'погасить ваучер',
    );
  });

  it('refuses an unknown --lang as bad usage (exit 2), in the terminal’s language', async () => {
    const r = await runCli(['balance', '--lang', 'xx']);
    expect(r.code).toBe(2);
    expect(r.output.trim()).toBe(
      'megadisc: unknown language "xx" for --lang; use en or ru (INVALID_ARGUMENT)',
    );
    const russian = await runCli(['--lang', 'xx', 'balance'], RU);
    expect(russian.code).toBe(2);
    expect(russian.output.trim()).toBe(
      'megadisc: неизвестный язык «xx» для --lang; укажите en или ru (INVALID_ARGUMENT)',
    );
    const missing = await runCli(['balance', '--lang']);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('--lang needs a language: en or ru');
  });

  it('prints the balance in МБ, with Russian labels', async () => {
    const r = await cli(['balance'], RU);
    expect(r.code, r.output).toBe(0);
    expect(plain(r.output)).toMatch(/^баланс\s+500 МБ$/m);
    expect(plain(r.output)).toMatch(/^доступно\s+500 МБ$/m);
    expect(r.output).not.toMatch(/available|MB/);
  });

  it('buys two tracks and lists the library with a decimal comma and a Russian plural', async () => {
    const found = jsonOutput((await cli(['search', 'pixel', '--json'])).output);
    albumId = found.albums.items[0].id;
    const bought = await cli(
      ['buy', String(albumId), '--encoding', 'vorbis-q6', '--tracks', '1,2-1', '--yes'],
      RU,
    );
    expect(bought.code, bought.output).toBe(0);
    expect(bought.output).toMatch(
      /в очереди: .* \(2 трека\) в формате vorbis-q6; заказ \S+, 2 загрузки; запустите «megadisc run»/,
    );
    const run = await cli(['run', '--lang', 'ru']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('готово: 2, с ошибкой: 0, на паузе: 0');

    const library = await cli(['library'], RU);
    expect(library.code, library.output).toBe(0);
    const text = plain(library.output);
    expect(text).toMatch(/^альбом\s+год\s+треков\s+форматы\s+размер$/m);
    // A size under 100 MB keeps one decimal, written with a comma.
    expect(text).toMatch(/\s\d+,\d МБ$/m);
    expect(text).toMatch(/^1 альбом, 2 трека, \d+,\d МБ в /m);
    expect(text).not.toMatch(/\d\.\d MB/);

    const english = plain((await cli(['library'])).output);
    expect(english).toMatch(/^1 album, 2 tracks, \d+\.\d MB in /m);
  }, 120_000);

  it('prints a failure as the Russian error.<CODE> text with the code', async () => {
    const again = await cli(['topup', server.vouchers[4]!], RU);
    expect(again.code).toBe(0);
    const twice = await cli(['topup', server.vouchers[4]!], RU);
    expect(twice.code).toBe(1);
    expect(twice.output.trim().split('\n')).toHaveLength(1);
    expect(twice.output).toContain(`megadisc: ${ru.t('error.VOUCHER_INVALID')} Подробности: `);
    expect(twice.output.trim()).toMatch(/\(VOUCHER_INVALID\)$/);

    const nobody = mkdtempSync(join(tmpdir(), 'megadisc-cli-lang-nobody-'));
    try {
      const r = await runCli(['balance', '--lang', 'ru', '--home', nobody]);
      expect(r.code).toBe(1);
      expect(r.output).toContain(`megadisc: ${ru.t('error.NOT_LOGGED_IN')}`);
      expect(r.output.trim()).toMatch(/\(NOT_LOGGED_IN\)$/);
    } finally {
      rmSync(nobody, { recursive: true, force: true });
    }

    const usage = await cli(['buy', String(albumId), '--yes'], RU);
    expect(usage.output.trim()).toBe('megadisc: нужен параметр --encoding (INVALID_ARGUMENT)');
  });

  it('prints the same --json in every language', async () => {
    for (const args of [
      ['packs'],
      ['encodings'],
      ['album', String(albumId)],
      ['queue'],
      ['search', 'pixel'],
      ['ledger'],
    ]) {
      const english = await cli([...args, '--json'], { LANG: 'en_US.UTF-8' });
      const russian = await cli([...args, '--json'], RU);
      const flag = await cli([...args, '--json', '--lang', 'ru']);
      expect(english.code, english.output).toBe(0);
      // Byte for byte, but for the moment each run synced the balance with the store.
      expect(sameMoment(russian.output), args.join(' ')).toBe(sameMoment(english.output));
      expect(sameMoment(flag.output), args.join(' ')).toBe(sameMoment(english.output));
      expect(english.output).not.toMatch(/МБ|\d,\d MB/);
      expect(() => JSON.parse(english.output)).not.toThrow();
    }
  }, 120_000);
});
