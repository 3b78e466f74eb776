// The Store screens in Russian, through the whole app with the language setting at 'ru': words from
// the Russian catalog, Russian plurals, sizes in «МБ» with a decimal comma; and a switch of the
// setting at run time re-renders the open page in English without remounting it.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ENCODINGS } from '../../../../api/schemas/encoding-catalog.ts';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { takenDown } from '../../fake/fake-availability.ts';
import { fakeTrackBytes } from '../../fake/fake-catalog.ts';
import { fileAlbum } from '../../file-album.ts';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

const MB = 1_000_000;
/** Megabytes as Russian writes them: a decimal comma. */
const ruMb = (bytes: number) => (bytes / MB).toFixed(1).replace('.', ',');
/** Intl separates a number from its unit, and thousands, with no-break spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function russianFake(patch: ConstructorParameters<typeof FakeAppApi>[0] = {}) {
  const fake = new FakeAppApi(patch);
  fake.state.settings.language = 'ru';
  return fake;
}

const quoteRow = (label: string) => screen.getByRole('radio', { name: label }).closest('tr')!;

describe('store in Russian', () => {
  it('shows an album page with its facts, the price table and the Buy button in Russian', async () => {
    const fake = russianFake();
    renderWithFake('#/store/album/3', fake);

    const buy = await screen.findByRole('button', { name: 'Купить альбом' });
    expect(document.documentElement.lang).toBe('ru');
    // Facts: a Russian plural for 6 tracks and for 2 discs; the duration stays m:ss.
    expect(screen.getByText(/^2026 · Megadisc Demo · 6 треков · 2 диска · 19:45$/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Диск 1' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Кодировка и цена' })).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Кодировки, размеры и цены выбранных треков' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Кодировка', 'Размер', 'Списание', 'Стоимость', 'Баланс после', 'Статус']);
    await waitFor(() =>
      expect(
        (screen.getByRole('radio', { name: ENCODINGS['mp3-v0'].label }) as HTMLInputElement).checked,
      ).toBe(true),
    );

    const tracks = fake.albums[2]!.discs.flatMap((d) => d.tracks);
    const bytes = (id: keyof typeof ENCODINGS) =>
      tracks.reduce((s, t) => s + fakeTrackBytes(id, t.durationMs), 0);
    // Exact sizes plain, estimates with "≈" and their range: all with a decimal comma and «МБ».
    expect(plain(quoteRow(ENCODINGS['mp3-320'].label).cells[1]!.textContent)).toBe(
      `${ruMb(bytes('mp3-320'))} МБточно`,
    );
    const v0 = bytes('mp3-v0');
    const v0Row = quoteRow(ENCODINGS['mp3-v0'].label);
    expect(plain(v0Row.cells[1]!.textContent)).toBe(
      `≈ ${ruMb(v0)} МБ (${ruMb(Math.round(v0 * 0.85))}–${ruMb(Math.round(v0 * 1.15))})`,
    );
    expect(plain(v0Row.cells[4]!.textContent)).toBe(`≈ ${ruMb(500 * MB - v0)} МБ`);
    expect(v0Row.cells[5]!.textContent).toContain('Хватает');
    expect(plain(screen.getByText(/оценка: магазин ещё не закодировал/).textContent)).toContain(
      '1 МБ = 1 000 000 байт.',
    );

    // The selection counts in Russian plurals: 5 треков, 1 трек, 2 трека.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Купить «Frost»' }));
    expect(await screen.findByRole('button', { name: 'Купить 5 треков' })).toBe(buy);
    expect(screen.getByText('Выбрано 5 из 6')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Снять выбор' }));
    expect(screen.getByText('Выберите хотя бы один трек, чтобы увидеть цены.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Купить треки' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Купить «Graft»' }));
    expect(await screen.findByRole('button', { name: 'Купить 1 трек' })).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Купить «Cider»' }));
    expect(await screen.findByRole('button', { name: 'Купить 2 трека' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Выбрать все' }));
    await waitFor(() => expect((buy as HTMLButtonElement).disabled).toBe(false));
    expect(buy.textContent).toBe('Купить альбом');
  });

  it('asks to confirm a purchase in Russian', async () => {
    const fake = russianFake();
    renderWithFake('#/store/album/1', fake);
    await screen.findByRole('button', { name: 'Купить альбом' });
    await waitFor(() =>
      expect(
        (screen.getByRole('radio', { name: ENCODINGS['mp3-v0'].label }) as HTMLInputElement).checked,
      ).toBe(true),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Купить альбом' }));
    const dialog = screen.getByRole('dialog', { name: 'Купить альбом?' });
    const v0 = fake.albums[0]!.discs[0]!.tracks.reduce(
      (s, t) => s + fakeTrackBytes('mp3-v0', t.durationMs),
      0,
    );
    expect(plain(within(dialog).getByTestId('buy-charge').textContent)).toMatch(
      new RegExp(`^около ${ruMb(v0)} МБ \\(.+\\)$`),
    );
    const text = plain(dialog.textContent);
    expect(text).toContain('ТрекиВсе 4');
    expect(text).toContain('Баланс сейчас500,0 МБ');
    expect(text).toContain(`резервируется не больше ${ruMb(Math.round(v0 * 1.15))} МБ.`);
    expect(within(dialog).getByRole('button', { name: 'Подтвердить покупку' })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf(fake, 'store.buy')).toEqual([]);
  });

  it('shows the home page and search results in Russian, with plural counts', async () => {
    const fake = russianFake();
    renderWithFake('#/store', fake);
    const charts = await screen.findByRole('list', { name: 'Чарты' });
    expect(screen.getByRole('list', { name: 'Новинки' })).toBeTruthy();
    expect(within(charts).getAllByRole('listitem')[0]!.textContent).toContain('1-е место');
    const genres = screen.getByRole('heading', { name: 'Жанры' }).parentElement!;
    expect(within(genres).getByText('2 альбома')).toBeTruthy();
    expect(within(genres).getByText('1 альбом')).toBeTruthy();

    act(() => {
      window.location.hash = '#/store/search?q=arcade';
    });
    expect(await screen.findByRole('heading', { name: /^Исполнители/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Поиск: «arcade»');
    expect(screen.getByText('1 исполнитель, 1 альбом, 0 треков')).toBeTruthy();
  });

  it('says in Russian why an owned album is not for sale, with counts of files', async () => {
    const fake = russianFake();
    await fileAlbum(fake, 3, 'flac');
    const files = fake.state.library[0]!.tracks.flatMap((t) => t.files);
    files[0]!.status = 'missing';
    files[1]!.status = 'missing';
    fake.setAvailability(3, takenDown());
    renderWithFake('#/store/album/3', fake);

    const notice = await screen.findByRole('region', { name: 'Не продаётся' });
    expect(within(notice).getByText('Релиз снят с продажи и здесь больше не продаётся.')).toBeTruthy();
    expect(
      within(notice).getByText(/^У вас 6 файлов из этого альбома; они остаются в фонотеке\./),
    ).toBeTruthy();
    expect(within(notice).getByText('При последней проверке в фонотеке не хватало 2 файлов.')).toBeTruthy();
    await userEvent.click(within(notice).getByRole('button', { name: 'Загрузить снова' }));
    const status = await within(notice).findByRole('status');
    expect(status.textContent).toBe('Бесплатно загружаем снова 2 файла. Перейти к загрузкам');
  });

  it('re-renders in English when the language setting changes, keeping the page as it was', async () => {
    const fake = russianFake();
    renderWithFake('#/store/album/1', fake);
    await screen.findByRole('radio', { name: ENCODINGS.flac.label });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Купить «Undertow»' }));
    const button = await screen.findByRole('button', { name: 'Купить 3 трека' });
    const heading = screen.getByRole('heading', { level: 2, name: 'Кодировка и цена' });
    const exact = quoteRow(ENCODINGS['mp3-320'].label);
    await waitFor(() => expect(plain(exact.cells[1]!.textContent)).toMatch(/^\d+,\d МБточно$/));

    await act(async () => {
      await fake.client()['settings.update']({ language: 'en' });
    });
    // The same elements, now in English: the page was not mounted again, and the selection stayed.
    await waitFor(() => expect(button.textContent).toBe('Buy 3 tracks'));
    expect(button.isConnected).toBe(true);
    expect(heading.isConnected && heading.textContent).toBe('Encoding and price');
    expect(screen.getByText('3 of 4 selected')).toBeTruthy();
    expect(exact.isConnected).toBe(true);
    expect(exact.cells[1]!.textContent).toMatch(/^\d+\.\d MBexact$/);
    expect(screen.getByRole('table', { name: /Encodings, sizes and prices/ })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');

    // And back.
    await act(async () => {
      await fake.client()['settings.update']({ language: 'ru' });
    });
    await waitFor(() => expect(button.textContent).toBe('Купить 3 трека'));
    expect(heading.textContent).toBe('Кодировка и цена');
  });
});
