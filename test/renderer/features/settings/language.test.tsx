// The Language setting: picked in Settings › Appearance and applied at once, without a reload;
// "System" follows the browser's languages in web mode and the OS's on the desktop.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app.tsx';

const nav = () => screen.getByRole('navigation', { name: /^(Sections|Разделы)$/ });
const navNames = () =>
  within(nav())
    .getAllByRole('link')
    .map((a) => a.textContent);
const ENGLISH = ['Store', 'Downloads', 'Library', 'Account', 'Settings'];
const RUSSIAN = ['Магазин', 'Загрузки', 'Фонотека', 'Аккаунт', 'Настройки'];

/** Makes the browser prefer these languages until the test ends. */
function browserPrefers(languages: string[]) {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
  Object.defineProperty(window.navigator, 'language', { value: languages[0], configurable: true });
}

afterEach(() => {
  // Back to jsdom's own getters on Navigator.prototype.
  delete (window.navigator as { languages?: unknown }).languages;
  delete (window.navigator as { language?: unknown }).language;
  document.documentElement.lang = '';
});

describe('settings: language', () => {
  it('switches from Russian to English at once, without a reload', async () => {
    const { fake } = renderApp('#/settings', {}, { language: 'ru' });
    const select = (await screen.findByLabelText('Язык')) as HTMLSelectElement;
    await waitFor(() => expect(navNames()).toEqual(RUSSIAN));
    expect(select.value).toBe('ru');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['system', 'Системный'],
      ['en', 'English'],
      ['ru', 'Русский'],
    ]);
    expect(document.documentElement.lang).toBe('ru');
    const listed = fake.calls.filter((c) => c.method === 'settings.get').length;

    fireEvent.change(select, { target: { value: 'en' } });
    await waitFor(() => expect(navNames()).toEqual(ENGLISH));
    expect(document.documentElement.lang).toBe('en');
    expect(fake.calls.filter((c) => c.method === 'settings.update').map((c) => c.input)).toEqual([
      { language: 'en' },
    ]);
    expect(fake.state.settings.language).toBe('en');
    // The screen itself follows too, and nothing was loaded again to get there.
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('en');
    expect(screen.getByRole('option', { name: 'System' })).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'settings.get').length).toBe(listed);
  });

  it('rewords a notification already on screen in the new language', async () => {
    const { fake } = renderApp('#/settings', {}, { language: 'en' });
    const select = (await screen.findByLabelText('Language')) as HTMLSelectElement;
    act(() =>
      fake.emit({
        name: 'album-filed',
        payload: { purchaseId: 1, albumTitle: 'Low Tide Signals', artistName: 'Quiet Static', tracks: 2 },
      }),
    );
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(region.textContent).toContain('Quiet Static — Low Tide Signals is in your library (2 tracks).');
    fireEvent.change(select, { target: { value: 'ru' } });
    const russian = await screen.findByRole('region', { name: 'Уведомления' });
    expect(russian.textContent).toContain('Quiet Static — Low Tide Signals теперь в фонотеке (2 трека).');
    expect(russian.textContent).not.toContain('is in your library');
    expect(within(russian).getByRole('button', { name: 'Скрыть' })).toBeTruthy();
  });

  it('switches from English to Russian, with each language named in its own language', async () => {
    renderApp('#/settings', {}, { language: 'en' });
    const select = (await screen.findByLabelText('Language')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['System', 'English', 'Русский']);
    fireEvent.change(select, { target: { value: 'ru' } });
    await waitFor(() => expect(navNames()).toEqual(RUSSIAN));
    expect(screen.getByRole('heading', { level: 1, name: 'Настройки' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Оформление' })).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toBe('Все изменения сохранены');
  });

  it('keeps field errors and the count of changes in the chosen language', async () => {
    renderApp('#/settings', {}, { language: 'ru' });
    const concurrency = (await screen.findByLabelText('Загрузок одновременно')) as HTMLInputElement;
    fireEvent.change(concurrency, { target: { value: '20' } });
    expect(screen.getByText('Число одновременных загрузок должно быть от 1 до 16.')).toBeTruthy();
    fireEvent.change(concurrency, { target: { value: '5' } });
    expect(screen.getByTestId('save-status').textContent).toBe('1 несохранённое изменение');
    fireEvent.change(screen.getByLabelText('Наибольшая обложка, в пикселях'), { target: { value: '800' } });
    expect(screen.getByTestId('save-status').textContent).toBe('2 несохранённых изменения');
    fireEvent.change(screen.getByLabelText('Наибольший файл обложки, в кБ'), { target: { value: '99999' } });
    expect(screen.getByText(/^Размер файла обложки должен быть от 10 до 50\s000 кБ\.$/)).toBeTruthy();
  });

  it('"System" follows the browser’s languages in web mode', async () => {
    browserPrefers(['ru-RU', 'en-US']);
    renderApp('#/store', { systemLanguages: null, transport: 'web' }, { language: 'system' });
    await waitFor(() => expect(navNames()).toEqual(RUSSIAN));
    expect(document.documentElement.lang).toBe('ru');
  });

  it('"System" is English when the browser prefers a language Megadisc does not speak', async () => {
    browserPrefers(['de-DE', 'fr']);
    renderApp('#/store', { systemLanguages: null }, { language: 'system' });
    await screen.findByRole('link', { name: 'Store' });
    expect(navNames()).toEqual(ENGLISH);
    expect(document.documentElement.lang).toBe('en');
  });

  it('"System" follows the OS languages the desktop reports, over the browser’s', async () => {
    browserPrefers(['en-US']);
    renderApp(
      '#/store',
      { systemLanguages: ['ru-RU', 'en-GB'], transport: 'electron' },
      { language: 'system' },
    );
    await waitFor(() => expect(navNames()).toEqual(RUSSIAN));

    browserPrefers(['ru-RU']);
    const { unmount } = renderApp('#/store', { systemLanguages: ['en-US'], transport: 'electron' });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    unmount();
  });

  it('an explicit language wins over the system’s', async () => {
    browserPrefers(['ru-RU']);
    renderApp('#/store', { systemLanguages: ['ru-RU'] }, { language: 'en' });
    await screen.findByRole('link', { name: 'Store' });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(navNames()).toEqual(ENGLISH);
  });
});
