// The window in Russian: navigation, <html lang>, figures with a decimal comma and «МБ», Russian
// plurals in the queue and the notifications, dates and money in the Account screen.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/shell/App.tsx';
import { FakeAppApi } from '../fake/fake-app-api.ts';
import { renderApp } from '../render-app.tsx';

const MB = 1_000_000;
const NBSP = /[\u00a0\u202f ]/;

afterEach(() => {
  document.documentElement.lang = '';
});

/** The app in Russian over a fake the test has filled in first. */
function renderRussian(hash: string, fake: FakeAppApi) {
  fake.state.settings.language = 'ru';
  window.location.hash = hash;
  return render(<App api={fake.client()} />);
}

describe('the shell in Russian', () => {
  it('names the sections in Russian and marks the document as Russian', async () => {
    renderApp('#/downloads', {}, { language: 'ru' });
    const nav = await screen.findByRole('navigation', { name: 'Разделы' });
    const names = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(names).toEqual(['Магазин', 'Загрузки', 'Фонотека', 'Аккаунт', 'Настройки']);
    expect(within(nav).getByRole('link', { name: 'Загрузки' }).getAttribute('aria-current')).toBe('page');
    expect(document.documentElement.lang).toBe('ru');
    expect(screen.getByRole('link', { name: 'Перейти к содержимому' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Поиск в магазине' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Store' })).toBeNull();
  });

  it('shows the balance in «МБ» with a decimal comma and a space between thousands', async () => {
    renderApp('#/store', { balanceBytes: 1200 * MB, reservedBytes: 150 * MB }, { language: 'ru' });
    const available = await screen.findByTestId('balance-available');
    await waitFor(() =>
      expect(available.textContent).toMatch(new RegExp(`^1${NBSP.source}050,0${NBSP.source}МБ$`)),
    );
    const panel = screen.getByRole('region', { name: 'Баланс' });
    expect(panel.textContent).toMatch(/150,0\sМБ в резерве/);
    expect(panel.textContent).toContain('Доступно');
  });

  it('says the store is unreachable, with the time of the balance, in Russian', async () => {
    const { fake } = renderApp('#/store', {}, { language: 'ru' });
    await screen.findByRole('link', { name: 'Магазин' });
    await waitFor(() => expect(screen.getByTestId('balance-available').textContent).toMatch(/МБ$/));
    act(() => fake.setOnline(false));
    const badge = await screen.findByText(/^Нет связи — магазин недоступен; баланс на \d{1,2}:\d{2}$/);
    expect(badge.getAttribute('role')).toBe('status');
  });

  it('announces a filed album with the track count in the right Russian form', async () => {
    const { fake } = renderApp('#/downloads', {}, { language: 'ru' });
    await screen.findByRole('link', { name: 'Загрузки' });
    const region = screen.getByRole('region', { name: 'Уведомления' });
    for (const tracks of [1, 2, 5]) {
      act(() =>
        fake.emit({
          name: 'album-filed',
          payload: { purchaseId: tracks, albumTitle: 'Low Tide Signals', artistName: 'Quiet Static', tracks },
        }),
      );
    }
    expect(region.textContent).toContain('Quiet Static — Low Tide Signals теперь в фонотеке (1 трек).');
    expect(region.textContent).toContain('(2 трека).');
    expect(region.textContent).toContain('(5 треков).');
    expect(within(region).getAllByRole('button', { name: 'Скрыть' })).toHaveLength(3);
  });
});

describe('downloads in Russian', () => {
  it('sums up each album with Russian plurals', async () => {
    const fake = new FakeAppApi();
    const client = fake.client();
    await client['store.buy']({ albumId: 1, encoding: 'mp3-v0' });
    await client['store.buy']({ albumId: 3, encoding: 'flac' });
    const [first, second] = fake.state.groups;
    const done = first!.jobs[0]!;
    done.state = 'done';
    done.bytesDone = done.bytesTotal!;
    for (const job of second!.jobs) job.state = 'paused';
    renderRussian('#/downloads', fake);

    const lowTide = (
      await screen.findByRole('heading', { level: 3, name: 'Quiet Static — Low Tide Signals' })
    ).closest('li')!;
    await waitFor(() =>
      expect(within(lowTide).getByTestId('group-summary').textContent).toBe(
        'В очереди · готово 1 из 4 треков',
      ),
    );
    const orchard = screen
      .getByRole('heading', { level: 3, name: 'Ferro & The Lows — Pixel Orchard' })
      .closest('li')!;
    expect(within(orchard).getByTestId('group-summary').textContent).toBe('На паузе · готово 0 из 6 треков');
    expect(screen.getByTestId('downloads-overview').textContent).toBe('В очереди 2 альбома');
    expect(within(lowTide).getByRole('button', { name: '4 трека' })).toBeTruthy();
    expect(within(orchard).getByRole('button', { name: '6 треков' })).toBeTruthy();
    expect(
      within(orchard).getByRole('button', { name: 'Продолжить: Ferro & The Lows — Pixel Orchard' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Очередь' })).toBeTruthy();
    expect(within(lowTide).getByText(/^\d+,\d\sМБ из \d+,\d\sМБ$/)).toBeTruthy();
  });

  it('asks before cancelling, counting the tracks in Russian', async () => {
    const fake = new FakeAppApi();
    await fake.client()['store.buy']({ albumId: 1, encoding: 'mp3-v0' });
    const done = fake.state.groups[0]!.jobs[0]!;
    done.state = 'done';
    done.bytesDone = done.bytesTotal!;
    renderRussian('#/downloads', fake);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Отменить: Quiet Static — Low Tide Signals' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Отменить «Low Tide Signals»?' });
    expect(dialog.textContent).toContain('3 трека не будут загружены.');
    expect(within(dialog).getByRole('button', { name: 'Отменить 3 трека' })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Продолжить загрузку' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('tells why a track failed in Russian, and which state each track is in', async () => {
    const fake = new FakeAppApi();
    await fake.client()['store.buy']({ albumId: 1, encoding: 'mp3-v0' });
    renderRussian('#/downloads', fake);
    const item = (
      await screen.findByRole('heading', { level: 3, name: 'Quiet Static — Low Tide Signals' })
    ).closest('li')!;
    act(() => {
      fake.failJob(101, 'NETWORK', 'socket hang up');
      fake.failJob(104, 'DISK_FULL', 'ENOSPC');
    });
    await waitFor(() =>
      expect(within(item).getByTestId('group-summary').textContent).toMatch(/^Ошибка: .+ \(2 трека\)$/),
    );
    await userEvent.click(within(item).getByRole('button', { name: '4 трека' }));
    const row = screen.getByRole('row', { name: /Salt Glass/ });
    expect(row.textContent).toContain('В очереди');
    expect(screen.getByRole('columnheader', { name: 'Состояние' })).toBeTruthy();
  });
});

describe('the account in Russian', () => {
  it('shows figures, money and ledger dates the Russian way', async () => {
    const fake = new FakeAppApi({ balanceBytes: 800 * MB, reservedBytes: 150 * MB });
    for (const entry of fake.state.ledger) entry.createdAt = '2026-03-02T12:00:00.000Z';
    renderRussian('#/account', fake);
    await waitFor(() =>
      expect(screen.getByTestId('gauge-available').textContent).toMatch(/^650,0\sМБ≈ 13,00\s\$$/),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Аккаунт' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Журнал операций, сначала новые' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell'));
    expect(cells[0]![0]!.textContent).toMatch(/^2 мар\. 2026 г\./);
    expect(cells[0]![1]!.textContent).toBe('Пополнение');
    expect(cells[0]![2]!.textContent).toMatch(/^\+800,0\sМБ$/);
  });

  it('redeems a voucher and says so in Russian', async () => {
    renderApp('#/account', {}, { language: 'ru' });
    fireEvent.change(await screen.findByLabelText('Код ваучера'), { target: { value: 'DEMO-500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Активировать' }));
    expect(
      await screen.findByText(
        /^На баланс зачислено 500,0\sМБ \(≈ 10,00\s\$\)\. Теперь доступно 1\s000,0\sМБ\.$/,
      ),
    ).toBeTruthy();
  });

  it('offers packs with Russian prices and names the button after what it buys', async () => {
    renderApp('#/account', {}, { language: 'ru' });
    const table = await screen.findByRole('table', { name: 'Пакеты пополнения по вашей цене' });
    const buy = within(table).getAllByRole('button', { name: /^Купить / });
    expect(buy.length).toBeGreaterThan(0);
    expect(buy[0]!.getAttribute('aria-label')).toMatch(/^Купить \d[\d\s]*\sМБ за \d+,\d{2}\s\$$/);
  });
});
