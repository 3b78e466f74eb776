// The Library screens in Russian, through the whole app with the language setting at 'ru': words from
// the Russian catalog, Russian plurals («21 трек», «5 треков»), sizes in «МБ» with a decimal comma;
// and a switch of the setting at run time re-renders the open list in English without remounting it.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { takenDown } from '../../fake/fake-availability.ts';
import { fileAlbum } from '../../file-album.ts';
import { renderWithFake } from '../../render-with-fake.tsx';

const MB = 1_000_000;
const ruMb = (bytes: number) => (bytes / MB).toFixed(1).replace('.', ',');
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function russianFake() {
  const fake = new FakeAppApi();
  fake.state.settings.language = 'ru';
  return fake;
}

const trackCount = () => plain(screen.getByTestId('track-count').textContent);

describe('library in Russian', () => {
  it('shows the album grid in Russian, with plural counts and sizes in МБ', async () => {
    const fake = russianFake();
    await fileAlbum(fake, 1, 'mp3-v0');
    await fileAlbum(fake, 3, 'flac');
    renderWithFake('#/library/albums', fake);

    const card = (await screen.findByRole('link', { name: 'Pixel Orchard' })).closest('li')!;
    expect(screen.getByRole('heading', { level: 1, name: 'Фонотека' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Альбомы' }).getAttribute('aria-current')).toBe('page');
    expect(within(card).getByText('2026 · 6 треков')).toBeTruthy();
    const other = screen.getByRole('link', { name: 'Low Tide Signals' }).closest('li')!;
    expect(within(other).getByText('2026 · 4 трека')).toBeTruthy();

    const bytes = fake.state.library
      .flatMap((a) => a.tracks.flatMap((t) => t.files))
      .reduce((s, f) => s + f.bytes, 0);
    await waitFor(() =>
      expect(plain(screen.getByText(/^2 альбома · /).textContent)).toBe(`2 альбома · ${ruMb(bytes)} МБ`),
    );
    expect(screen.getByLabelText('Сортировка')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Недавно добавленные' })).toBeTruthy();
    expect(screen.getByLabelText('Группировать по исполнителям')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Фильтр альбомов'), { target: { value: 'zzz' } });
    expect(await screen.findByText('Нет альбомов по запросу «zzz».')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Сбросить фильтр' })).toBeTruthy();
  });

  it('counts tracks with Russian plurals: 21 трек, 5 треков, 1 001 трек', async () => {
    const fake = russianFake();
    fake.generateTracks(21);
    const view = renderWithFake('#/library/tracks', fake);
    await waitFor(() => expect(trackCount()).toBe('21 трек'));
    expect(screen.getByRole('region', { name: 'Треки в фонотеке' })).toBeTruthy();
    view.unmount();

    fake.generateTracks(5);
    const five = renderWithFake('#/library/tracks', fake);
    await waitFor(() => expect(trackCount()).toBe('5 треков'));
    five.unmount();

    fake.generateTracks(1001);
    renderWithFake('#/library/tracks', fake);
    await waitFor(() => expect(trackCount()).toBe('1 001 трек'));
  });

  it('shows an album’s files, statuses and a verify summary in Russian', async () => {
    const fake = russianFake();
    await fileAlbum(fake, 1, 'mp3-v0');
    const album = fake.state.library[0]!;
    renderWithFake(`#/library/album/${album.id}`, fake);

    const table = await screen.findByRole('table', { name: 'Файлы альбома Low Tide Signals' });
    const files = album.tracks.map((t) => t.files[0]!);
    const cells = within(within(table).getAllByRole('row')[2]!)
      .getAllByRole('cell')
      .slice(2) // the player's select and play cells
      .map((c) => plain(c.textContent));
    expect(cells).toEqual([
      '02',
      'Undertow',
      'MP3 V0',
      `${ruMb(files[1]!.bytes)} МБ`,
      'В порядке',
      files[1]!.path,
    ]);
    const total = files.reduce((s, f) => s + f.bytes, 0);
    expect(plain(screen.getByText(/4 трека · 4 файла/).textContent)).toMatch(
      new RegExp(`^2026 · 4 трека · 4 файла · ${ruMb(total)} МБ · добавлен `),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(await screen.findByText('4 файла в порядке')).toBeTruthy();
    files[1]!.status = 'missing';
    files[3]!.status = 'changed';
    fireEvent.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(await screen.findByText('2 файла в порядке, 1 отсутствует, 1 изменён')).toBeTruthy();
    await waitFor(() => expect(within(table).getAllByText('Отсутствует')).toHaveLength(1));
    expect(within(table).getAllByText('Изменён')).toHaveLength(1);
  });

  it('says in Russian that an owned album is no longer sold, with the date in Russian', async () => {
    const fake = russianFake();
    await fileAlbum(fake, 1, 'mp3-v0');
    fake.setAvailability(1, takenDown('Taken down after a notice'));
    renderWithFake(`#/library/album/${fake.state.library[0]!.id}`, fake);
    const notice = await screen.findByRole('region', { name: 'Снят с продажи' });
    expect(within(notice).getByText(/Ваши файлы остаются в фонотеке нетронутыми/)).toBeTruthy();
    expect(within(notice).getByText(/^По данным магазина на 20 нояб\. 2026/)).toBeTruthy();
    expect(within(notice).getByRole('link', { name: 'Страница в магазине' })).toBeTruthy();
  });

  it('re-renders in English when the language setting changes, without remounting the list', async () => {
    const fake = russianFake();
    fake.generateTracks(21);
    renderWithFake('#/library/tracks', fake);
    await waitFor(() => expect(trackCount()).toBe('21 трек'));
    const count = screen.getByTestId('track-count');
    const filter = screen.getByLabelText('Фильтр треков') as HTMLInputElement;
    // Two generated titles hold "Ember" (the 9th and the 19th row).
    fireEvent.change(filter, { target: { value: 'Ember' } });
    await waitFor(() => expect(trackCount()).toBe('2 трека по запросу «Ember»'));

    await act(async () => {
      await fake.client()['settings.update']({ language: 'en' });
    });
    await waitFor(() => expect(count.textContent).toBe('2 tracks match “Ember”'));
    // The same nodes, and the filter typed before the switch is still there.
    expect(count.isConnected).toBe(true);
    expect(filter.isConnected && filter.value).toBe('Ember');
    expect(screen.getByLabelText('Filter tracks')).toBe(filter);
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeTruthy();
  });
});
