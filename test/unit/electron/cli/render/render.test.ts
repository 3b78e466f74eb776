// What the CLI prints for a person, in English and Russian: sizes, money, error lines, help, the
// pack table, releases it does not sell, and the progress of a download.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { packsText } from '../../../../../electron/cli/commands/pack-commands.ts';
import { CliError } from '../../../../../electron/cli/context/cli-error.ts';
import { errorLine } from '../../../../../electron/cli/render/error-line.ts';
import { formatMb, formatRate, formatSignedMb } from '../../../../../electron/cli/render/format.ts';
import { helpText } from '../../../../../electron/cli/render/help-text.ts';
import { renderProgress } from '../../../../../electron/cli/render/progress-renderer.ts';
import { notForSaleLine, saleMark } from '../../../../../electron/cli/render/sale-text.ts';
import { EngineEvents } from '../../../../../electron/core/events/engine-events.ts';
import type { JobView } from '../../../../../electron/shared/app-api/domain.ts';
import type { StoreAlbumView } from '../../../../../electron/shared/app-api/views.ts';
import { MegadiscError } from '../../../../../electron/shared/errors.ts';
import { translator } from '../../../../../i18n/translator.ts';

const en = translator('en');
const ru = translator('ru');
/** Intl separates thousands and units with no-break spaces; tests read plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const money = (micros: number) => ({ currency: 'USD', micros, display: 'ignored' });

describe('sizes, rates and money', () => {
  it('writes megabytes as each language does', () => {
    expect(formatMb(en, 12_345_678)).toBe('12.3 MB');
    expect(plain(formatMb(ru, 12_345_678))).toBe('12,3 МБ');
    expect(formatMb(en, 487_700_000)).toBe('488 MB');
    expect(formatMb(en, 1_000_000_000)).toBe('1,000 MB');
    expect(plain(formatMb(ru, 12_000_000_000))).toBe('12 000 МБ');
    expect(plain(formatSignedMb(ru, -2_500_000))).toBe('-2,5 МБ');
    expect(formatSignedMb(en, 500_000_000)).toBe('+500 MB');
    expect(en.mb(500_000_000, 'fit')).toBe('500 MB');
    expect(plain(ru.mb(12_500_000, 'fit'))).toBe('12,5 МБ');
    expect(plain(formatRate(ru, 1_500_000))).toMatch(/^1,5 МБ\/[сc]$/);
  });

  it('writes prices and percentages', () => {
    expect(en.money(18_000, 'USD', { maxDigits: 4 })).toBe('$0.018');
    expect(plain(ru.money(20_000, 'USD', { maxDigits: 4 }))).toBe('0,02 $');
    expect(en.basisPoints(750)).toBe('7.5%');
    expect(en.basisPoints(1)).toBe('0.01%');
    expect(plain(ru.basisPoints(1000))).toBe('10 %');
  });
});

describe('error lines', () => {
  it('prints the catalog’s words for the code, the technical message as detail, and the code', () => {
    const error = new MegadiscError('VOUCHER_INVALID', 'voucher MD-1 has already been redeemed');
    expect(errorLine(en, error)).toBe(
      'megadisc: That voucher code is not valid, or it was already used. Details: voucher MD-1 has already been redeemed (VOUCHER_INVALID)',
    );
    expect(errorLine(ru, error)).toBe(
      `megadisc: ${ru.t('error.VOUCHER_INVALID')} Подробности: voucher MD-1 has already been redeemed (VOUCHER_INVALID)`,
    );
  });

  it('prints the CLI’s own refusals as they are, and unknown codes with their message', () => {
    expect(errorLine(ru, new CliError('INVALID_ARGUMENT', 'нужен параметр --encoding'))).toBe(
      'megadisc: нужен параметр --encoding (INVALID_ARGUMENT)',
    );
    expect(
      errorLine(en, Object.assign(new Error('missing: claimant.name'), { code: 'NOTICE_INCOMPLETE' })),
    ).toBe('megadisc: missing: claimant.name (NOTICE_INCOMPLETE)');
    expect(errorLine(en, new Error('boom\n    at somewhere'))).toBe('megadisc: boom');
  });
});

describe('help', () => {
  it('keeps the syntax and translates what each command does', () => {
    const english = helpText(en);
    const russian = helpText(ru);
    for (const text of [english, russian]) {
      expect(text).toContain('megadisc web [--port N] [--home DIR] [--store URL | --demo] [--no-open]');
      expect(text).toContain('--lang en|ru');
    }
    expect(english).toContain('  megadisc topup CODE               redeem a voucher\n');
    expect(russian).toContain('  megadisc topup CODE               погасить ваучер\n');
    expect(russian).toContain('Клиент (каждая команда принимает --home DIR и --json):');
    expect(russian).not.toMatch(/redeem|Client \(/);
  });
});

describe('the pack table', () => {
  const table = {
    perMb: money(20_000),
    packs: [
      {
        id: '500MB',
        bytes: 500_000_000,
        price: money(5_000_000),
        pricePerMb: money(10_000),
        listPrice: money(10_000_000),
        saving: money(5_000_000),
      },
    ],
    loyalty: { basisPoints: 0, next: { basisPoints: 500, spendMore: money(25_000_000) } },
  } as unknown as Parameters<typeof packsText>[1];

  it('in English', () => {
    const lines = packsText(en, table).split('\n');
    expect(lines[0]).toMatch(/^pack\s+size\s+price\s+per MB\s+list\s+save$/);
    expect(lines[1]).toMatch(/^500MB\s+500 MB\s+\$5\.00\s+\$0\.01\s+\$10\.00\s+50% \(\$5\.00\)$/);
    expect(lines[2]).toBe(
      '1 MB costs $0.02 one by one; no loyalty discount yet; spend $25.00 more for 5% off',
    );
  });

  it('in Russian', () => {
    const lines = plain(packsText(ru, table)).split('\n');
    expect(lines[0]).toMatch(/^пакет\s+объём\s+цена\s+за МБ\s+без скидки\s+выгода$/);
    expect(lines[1]).toMatch(/^500MB\s+500 МБ\s+5,00 \$\s+0,01 \$\s+10,00 \$\s+50 % \(5,00 \$\)$/);
    expect(lines[2]).toBe(
      '1 МБ по отдельности стоит 0,02 $; скидки за лояльность пока нет; потратьте ещё 25,00 $ — и скидка составит 5 %',
    );
  });
});

describe('releases the store does not sell', () => {
  const view = (fileCount: number, redownload: boolean) =>
    ({
      album: null,
      availability: { state: 'taken_down', reason: null, noticeUrl: null, redownload },
      owned: { fileCount },
    }) as unknown as StoreAlbumView;

  it('counts owned files with the plural each language needs', () => {
    expect(notForSaleLine(en, view(1, true))).toBe(
      'not for sale: the release was taken down; you own 1 file of it; "megadisc library redownload" fetches missing ones at no charge',
    );
    expect(notForSaleLine(ru, view(21, true))).toContain('у вас 21 файл из него');
    expect(notForSaleLine(ru, view(3, false))).toContain('ваши 3 файла останутся в фонотеке');
    expect(notForSaleLine(ru, view(5, false))).toContain('ваши 5 файлов останутся');
    expect(saleMark(ru, { state: 'taken_down' } as never)).toBe('больше не продаётся');
  });
});

describe('download progress without a terminal', () => {
  it('prints plain lines in the CLI’s language', () => {
    const events = new EngineEvents();
    const out = new PassThrough() as unknown as NodeJS.WriteStream;
    let text = '';
    (out as unknown as PassThrough).on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    const job = {
      id: 3,
      fileName: '01 Song.flac',
      state: 'downloading',
      bytesDone: 0,
      bytesTotal: 12_300_000,
    };
    const stop = renderProgress(ru, events, out, [job as JobView]);
    events.emit('job-progress', {
      jobId: 3,
      receivedBytes: 1_500_000,
      totalBytes: 12_300_000,
      bytesPerSecond: 750_000,
      etaSeconds: 14,
    } as never);
    events.emit('job-state', {
      job: {
        id: 3,
        state: 'failed',
        fileName: '01 Song.flac',
        error: { code: 'DISK_FULL', message: 'ENOSPC' },
      },
    } as never);
    stop();
    expect(plain(text)).toContain('задание 3: 1,5 МБ из 12,3 МБ, 750 кБ/');
    expect(plain(text)).toContain('осталось 0:14');
    expect(text).toContain(
      `задание 3: ошибка, 01 Song.flac: ${ru.t('error.DISK_FULL')} Подробности: ENOSPC (DISK_FULL)`,
    );
  });
});
