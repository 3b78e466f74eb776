import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runCli, startCli } from '../../../helpers/cli-process.ts';

const SERVICE_FACTORY = fileURLToPath(
  new URL('../../../../electron/core/app/create-app-service.ts', import.meta.url),
);
const PACKAGE = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('megadisc web', () => {
  it('refuses bad options before starting anything', async () => {
    const both = await runCli(['web', '--demo', '--store', 'http://127.0.0.1:1', '--no-open']);
    expect(both.code).toBe(2);
    expect(both.output).toContain('--store URL or --demo');
    const port = await runCli(['web', '--port', 'eighty', '--no-open']);
    expect(port.code).toBe(2);
    expect(port.output).toContain('--port');
    const unknown = await runCli(['web', '--host', '0.0.0.0']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('megadisc web [--port N]');
  });

  it('speaks the terminal’s language', async () => {
    const port = await runCli(['web', '--port', 'eighty', '--no-open'], { LANG: 'ru_RU.UTF-8' });
    expect(port.code).toBe(2);
    expect(port.output.trim()).toBe(
      'megadisc: --port должен быть от 0 до 65535, получено eighty (INVALID_ARGUMENT)',
    );
    const unknown = await runCli(['web', '--host', '0.0.0.0', '--lang', 'ru']);
    expect(unknown.output).toContain('; использование: megadisc web [--port N]');
  });

  it('is listed in the help', async () => {
    const help = await runCli(['help']);
    expect(help.output).toContain('megadisc web [--port N] [--home DIR] [--store URL | --demo] [--no-open]');
  });

  it.skipIf(!existsSync(SERVICE_FACTORY))(
    'serves the app for the demo store until SIGTERM, then exits 0',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'megadisc-web-cli-'));
      dirs.push(dir);
      const home = join(dir, 'home');
      // A seeded demo store in the profile: the embedded demo then skips its (long) first seeding.
      cpSync(inject('templateStore'), join(home, 'demo-store'), { recursive: true });
      const rendererDir = join(dir, 'renderer');
      mkdirSync(rendererDir);
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>web cli test</title>\n');

      const cli = startCli(['web', '--demo', '--home', home, '--port', '0', '--no-open'], {
        MEGADISC_RENDERER_DIR: rendererDir,
      });
      try {
        const [, url] = await cli.waitFor(
          /Megadisc web mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n/,
          120_000,
        );
        await cli.waitFor(/demo store: http:\/\/127\.0\.0\.1:\d+\ndemo voucher: MD-[\w-]+\n/);
        const origin = new URL(url!).origin;

        const redirect = await fetch(url!, { redirect: 'manual' });
        expect(redirect.status).toBe(303);
        const cookie = redirect.headers.get('set-cookie')!.split(';')[0]!;
        expect(cookie).toMatch(/^megadisc_token=/);
        expect((await fetch(origin)).status).toBe(401);
        const page = await fetch(`${origin}/store`, { headers: { cookie } });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('web cli test');

        const info = await fetch(`${origin}/api/call/app.info`, {
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/json' },
          body: '{}',
        });
        const envelope = (await info.json()) as any;
        expect(envelope).toMatchObject({ ok: true, value: { transport: 'web', version: PACKAGE.version } });
        expect(envelope.value.demoStoreUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      } finally {
        cli.child.kill('SIGTERM');
      }
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain('stopping…');
    },
    180_000,
  );
});
