import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakePreviewPaths } from '../../fake/fake-path-preview.ts';
import { renderApp } from '../../render-app.tsx';

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const saveButton = () => screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
const updates = (fake: { calls: { method: string; input: unknown }[] }) =>
  fake.calls.filter((c) => c.method === 'settings.update').map((c) => c.input);

async function openSettings(state: Parameters<typeof renderApp>[1] = {}) {
  const view = renderApp('#/settings', state);
  await screen.findByLabelText('Path template');
  return view;
}

describe('settings: form', () => {
  it('loads the saved values into the form', async () => {
    const { fake } = await openSettings();
    const s = fake.state.settings;
    expect(input('Library folder').value).toBe(s.libraryDir);
    expect(input('Path template').value).toBe(s.pathTemplate);
    expect(input('Downloads at once').value).toBe(String(s.concurrency));
    expect(input('Largest cover, in pixels').value).toBe(String(s.coverMaxPx));
    expect(input('Largest cover file, in kB').value).toBe(String(s.coverMaxBytes / 1000));
    expect(input('Also save the cover as cover.jpg in each album folder').checked).toBe(s.coverFile);
    expect((screen.getByLabelText('ID3 version for MP3 files') as HTMLSelectElement).value).toBe(
      String(s.id3Version),
    );
    expect(input('Limit the download speed').checked).toBe(false);
    expect(input('Default store address').value).toBe(s.storeUrl);
    await waitFor(() =>
      expect((screen.getByLabelText('Default encoding') as HTMLSelectElement).value).toBe(s.defaultEncoding),
    );
    expect((screen.getByRole('radio', { name: /System/ }) as HTMLInputElement).checked).toBe(true);
    expect(saveButton().disabled).toBe(true);
  });

  it('previews the path template as you type, debounced', async () => {
    const { fake } = await openSettings();
    const examples = () => screen.getByTestId('template-examples').textContent;
    const initial = fakePreviewPaths(fake.state.settings.pathTemplate, 'mp3-v0').examples;
    await waitFor(() => expect(examples()).toBe(initial.join('')));
    for (const text of ['{a', '{artist}/', '{artist}/{title:upper}']) {
      fireEvent.change(input('Path template'), { target: { value: text } });
    }
    await waitFor(() => expect(examples()).toContain('The Quiet Orchard/LANTERNS.mp3'));
    expect(examples()).toContain('Mira Vale/SECOND WIND.mp3');
    const asked = fake.calls.filter((c) => c.method === 'settings.previewPath').map((c) => c.input);
    expect(asked).toContainEqual({ template: '{artist}/{title:upper}' });
    expect(asked).not.toContainEqual({ template: '{a' });
  });

  it('shows why a template is refused and keeps Save disabled until it is fixed', async () => {
    await openSettings();
    fireEvent.change(input('Path template'), { target: { value: '{albumartist}/{nope}/{title}' } });
    const error = await screen.findByTestId('template-error');
    expect(error.textContent).toMatch(/^At character 15: unknown field \{nope\}/);
    expect(input('Path template').getAttribute('aria-invalid')).toBe('true');
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId('save-status').textContent).toBe('Fix the marked fields to save.');

    fireEvent.change(input('Path template'), { target: { value: '{albumartist}/{title}' } });
    await waitFor(() => expect(screen.queryByTestId('template-error')).toBeNull());
    await waitFor(() => expect(saveButton().disabled).toBe(false));
  });

  it('saves only the fields that changed and says so', async () => {
    const { fake } = await openSettings();
    fireEvent.change(input('Downloads at once'), { target: { value: '6' } });
    fireEvent.change(input('Largest cover file, in kB'), { target: { value: '250' } });
    fireEvent.click(input('Limit the download speed'));
    fireEvent.change(input('Speed limit'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: 'MB' } });
    // Changed and changed back: not part of the patch.
    fireEvent.change(input('Library folder'), { target: { value: '/elsewhere' } });
    fireEvent.change(input('Library folder'), { target: { value: fake.state.settings.libraryDir } });
    expect(screen.getByTestId('save-status').textContent).toBe('3 unsaved changes');
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved'));
    expect(updates(fake)).toEqual([{ concurrency: 6, coverMaxBytes: 250_000, bandwidthLimit: 2_000_000 }]);
    expect(fake.state.settings.concurrency).toBe(6);
    expect(saveButton().disabled).toBe(true);
    expect(input('Speed limit').value).toBe('2');
  });

  it('checks numbers and the store address before saving', async () => {
    const { fake } = await openSettings();
    fireEvent.change(input('Downloads at once'), { target: { value: '20' } });
    expect(screen.getByText('Downloads at once must be between 1 and 16.')).toBeTruthy();
    expect(input('Downloads at once').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input('Default store address'), { target: { value: 'ftp://store.example' } });
    expect(screen.getByText(/starting with http:\/\/ or https:\/\//)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
    fireEvent.submit(saveButton().closest('form')!);
    expect(updates(fake)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Revert' }));
    expect(input('Downloads at once').value).toBe('3');
    expect(screen.queryByText(/must be between/)).toBeNull();
  });

  it('shows a refusal from the core next to the form and keeps the edits', async () => {
    const { fake } = await openSettings();
    fake.failNext('settings.update', 'INVALID_ARGUMENT');
    fireEvent.change(input('Library folder'), { target: { value: 'relative/folder' } });
    fireEvent.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That value is not valid.');
    expect(alert.textContent).toContain('INVALID_ARGUMENT');
    expect(input('Library folder').value).toBe('relative/folder');
    expect(screen.getByTestId('save-status').textContent).toBe('1 unsaved change');
  });

  it('falls back to the built-in encodings when the store does not answer', async () => {
    const { fake } = renderApp('#/settings');
    fake.failNext('store.encodings', 'STORE_UNREACHABLE');
    await screen.findByLabelText('Path template');
    expect(screen.getByText(/this is the built-in list/)).toBeTruthy();
    const select = screen.getByLabelText('Default encoding') as HTMLSelectElement;
    expect(select.options.length).toBe(14);
    fireEvent.change(select, { target: { value: 'flac' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(updates(fake)).toEqual([{ defaultEncoding: 'flac' }]));
  });
});

describe('settings: theme', () => {
  it('applies the theme as soon as it is picked', async () => {
    const { fake } = await openSettings({});
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    fireEvent.click(screen.getByRole('radio', { name: /Dark/ }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(updates(fake)).toEqual([{ theme: 'dark' }]);
    expect((screen.getByRole('radio', { name: /Dark/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Light/ }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(fake.state.settings.theme).toBe('light');
  });
});

describe('settings: store account', () => {
  it('logs out, then logs in again with the form', async () => {
    const { fake } = await openSettings();
    const account = screen.getByRole('region', { name: 'Store account' });
    expect((await within(account).findByTestId('session-email')).textContent).toBe('demo@megadisc.local');
    fireEvent.click(within(account).getByRole('button', { name: 'Log out' }));
    const form = await screen.findByRole('form', { name: 'Log in to a store' });
    expect(fake.calls.some((c) => c.method === 'session.logout')).toBe(true);
    expect((within(form).getByLabelText('Store address') as HTMLInputElement).value).toBe(
      fake.state.settings.storeUrl,
    );
    const login = within(form).getByRole('button', { name: 'Log in' }) as HTMLButtonElement;
    expect(login.disabled).toBe(true);

    fireEvent.change(within(form).getByLabelText('Store address'), {
      target: { value: 'http://127.0.0.1:9911' },
    });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'ann@example.org' } });
    fireEvent.change(within(form).getByLabelText('Password'), { target: { value: 'secret' } });
    fake.failNext('session.login', 'UNAUTHORIZED');
    fireEvent.click(login);
    expect((await within(account).findByRole('alert')).textContent).toContain(
      'The store did not accept that email and password.',
    );

    fireEvent.click(login);
    expect((await within(account).findByTestId('session-email')).textContent).toBe('ann@example.org');
    expect(fake.calls).toContainEqual({
      method: 'session.login',
      input: { storeUrl: 'http://127.0.0.1:9911', email: 'ann@example.org', password: 'secret' },
    });
    // Logging in made that store the default: the form follows.
    await waitFor(() => expect(input('Default store address').value).toBe('http://127.0.0.1:9911'));
  });
});
