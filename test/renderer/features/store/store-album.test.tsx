import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ENCODING_IDS, ENCODINGS } from '../../../../api/schemas/encoding-catalog.ts';
import type { AppClient } from '../../../../renderer/api/app-client.ts';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { fakeTrackBytes } from '../../fake/fake-catalog.ts';
import { renderApp } from '../../render-app.tsx';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

const MB = 1_000_000;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

function quoteRow(label: string) {
  return screen.getByRole('radio', { name: label }).closest('tr')!;
}

describe('store album page', () => {
  it('shows the album facts and lists tracks per disc', async () => {
    const { fake } = renderApp('#/store/album/3');
    const album = fake.albums.find((a) => a.id === 3)!;
    expect(await screen.findByRole('heading', { level: 1, name: album.title })).toBeTruthy();
    expect(screen.getByRole('link', { name: album.artist.name }).getAttribute('href')).toBe(
      '#/store/artist/3',
    );
    expect(screen.getByText(/6 tracks · 2 discs · 19:45/)).toBeTruthy();
    expect(screen.getByRole('img', { name: `Cover of ${album.title}` }).getAttribute('src')).toBe(
      '/covers/store/3/600',
    );
    for (const disc of album.discs) {
      const heading = screen.getByRole('heading', { level: 3, name: `Disc ${disc.number}` });
      const table = heading.parentElement!.querySelector('table')!;
      const rows = within(table).getAllByRole('row').slice(1) as HTMLTableRowElement[];
      expect(rows.map((r) => r.cells[2]!.textContent)).toEqual(disc.tracks.map((t) => t.title));
      expect(rows.map((r) => r.cells[1]!.textContent)).toEqual(['1', '2', '3']);
    }
  });

  it('has no disc headings for a single disc', async () => {
    renderApp('#/store/album/1');
    await screen.findByRole('heading', { level: 1, name: 'Low Tide Signals' });
    expect(screen.queryByRole('heading', { name: /^Disc/ })).toBeNull();
    expect(screen.getAllByRole('checkbox', { name: /^Buy / })).toHaveLength(4);
  });

  it('compares every encoding: exact sizes plain, estimates with their range, and what fits', async () => {
    // 40 MB: MP3 128 (≈ 12 MB high) fits, FLAC (≈ 90 MB high) does not.
    const fake = new FakeAppApi({ balanceBytes: 40 * MB });
    renderWithFake('#/store/album/1', fake);
    await screen.findByRole('radio', { name: ENCODINGS.flac.label });
    const tracks = fake.albums[0]!.discs.flatMap((d) => d.tracks);
    const bytes = (id: (typeof ENCODING_IDS)[number]) =>
      tracks.reduce((s, t) => s + fakeTrackBytes(id, t.durationMs), 0);

    const table = screen.getByRole('table', { name: /Encodings, sizes and prices/ });
    expect(within(table).getAllByRole('radio')).toHaveLength(ENCODING_IDS.length);

    const exact = quoteRow(ENCODINGS['mp3-320'].label);
    expect(exact.cells[1]!.textContent).toBe(`${mb(bytes('mp3-320'))} MBexact`);
    const v0 = bytes('mp3-v0');
    expect(quoteRow(ENCODINGS['mp3-v0'].label).cells[1]!.textContent).toBe(
      `≈ ${mb(v0)} MB (${mb(Math.round(v0 * 0.85))}–${mb(Math.round(v0 * 1.15))})`,
    );
    expect(quoteRow(ENCODINGS['mp3-128'].label).cells[5]!.textContent).toContain('Fits');
    expect(quoteRow(ENCODINGS.flac.label).cells[5]!.textContent).toContain('Over balance');
    expect(quoteRow(ENCODINGS.flac.label).cells[4]!.textContent).toBe(`≈ −${mb(bytes('flac') - 40 * MB)} MB`);
  });

  it('lists encodings the store cannot make as disabled, with the reason', async () => {
    const fake = new FakeAppApi();
    const real = fake.client();
    const client: AppClient = {
      ...real,
      'store.quotes': async (input) => {
        const table = await real['store.quotes'](input);
        return {
          ...table,
          quotes: table.quotes.map((q) =>
            q.encoding === 'wma-192' ? { ...q, available: false, unavailableReason: 'no WMA encoder' } : q,
          ),
        };
      },
    };
    renderWithFake('#/store/album/1', fake, client);
    const radio = await screen.findByRole('radio', { name: ENCODINGS['wma-192'].label });
    expect((radio as HTMLInputElement).disabled).toBe(true);
    expect(radio.closest('tr')!.textContent).toContain('Unavailable: no WMA encoder');
  });

  it('preselects the default encoding from Settings, and the radios pick another', async () => {
    const fake = new FakeAppApi();
    fake.state.settings.defaultEncoding = 'opus-160';
    renderWithFake('#/store/album/1', fake);
    const opus = await screen.findByRole('radio', { name: ENCODINGS['opus-160'].label });
    await waitFor(() => expect((opus as HTMLInputElement).checked).toBe(true));
    await userEvent.click(screen.getByRole('radio', { name: ENCODINGS.flac.label }));
    expect((screen.getByRole('radio', { name: ENCODINGS.flac.label }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((opus as HTMLInputElement).checked).toBe(false);
    // Radios share a name, so the arrow keys move between them.
    expect(opus.getAttribute('name')).toBe('encoding');
  });

  it('asks for quotes again with trackIds when the selection changes', async () => {
    const { fake } = renderApp('#/store/album/1');
    await screen.findByRole('radio', { name: ENCODINGS.flac.label });
    expect(callsOf(fake, 'store.quotes').at(-1)).toEqual({ albumId: 1 });
    expect(screen.getByRole('button', { name: 'Buy album' })).toBeTruthy();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Buy Undertow' }));
    await waitFor(() =>
      expect(callsOf(fake, 'store.quotes').at(-1)).toEqual({ albumId: 1, trackIds: [101, 103, 104] }),
    );
    expect(screen.getByRole('button', { name: 'Buy 3 tracks' })).toBeTruthy();
    expect(screen.getByText('3 of 4 selected')).toBeTruthy();
    // The figures follow: three tracks in MP3 320 are exactly their sum.
    const three = [0, 2, 3].map((i) => fake.albums[0]!.discs[0]!.tracks[i]!);
    const exact = three.reduce((s, t) => s + fakeTrackBytes('mp3-320', t.durationMs), 0);
    await waitFor(() =>
      expect(quoteRow(ENCODINGS['mp3-320'].label).cells[1]!.textContent).toBe(`${mb(exact)} MBexact`),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Select none' }));
    expect(screen.getByText('Select at least one track to see prices.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Buy tracks' }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Select all' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy album' })).toBeTruthy());
    expect(callsOf(fake, 'store.quotes').at(-1)).toEqual({ albumId: 1 });
  });

  it('lists a track taken down on its own, marked and not offered: no checkbox to tick, no preview', async () => {
    const fake = new FakeAppApi();
    const tracks = fake.albums[0]!.discs[0]!.tracks;
    tracks[1] = { ...tracks[1]!, withdrawn: true };
    renderWithFake('#/store/album/1', fake);
    await screen.findByRole('radio', { name: ENCODINGS.flac.label });
    const box = screen.getByRole('checkbox', { name: 'Buy Undertow' }) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(box.checked).toBe(false);
    const row = box.closest('tr')!;
    expect(within(row).getByText('No longer sold')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /preview/i })).toBeNull();
    expect(screen.getAllByRole('button', { name: /preview/i })).toHaveLength(3);
    // The whole album is what is on sale: three tracks, all selected, quoted as the album.
    expect(screen.getByText('All 3 selected')).toBeTruthy();
    expect(callsOf(fake, 'store.quotes').at(-1)).toEqual({ albumId: 1 });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Buy Harbor Lights' }));
    await waitFor(() =>
      expect(callsOf(fake, 'store.quotes').at(-1)).toEqual({ albumId: 1, trackIds: [103, 104] }),
    );
    expect(screen.getByText('2 of 3 selected')).toBeTruthy();
  });

  it('shows the store being unreachable with a retry', async () => {
    const fake = new FakeAppApi({ online: false });
    renderWithFake('#/store/album/1', fake);
    expect((await screen.findByRole('alert')).textContent).toContain('The store is not answering');
    fake.state.online = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Low Tide Signals' })).toBeTruthy();
  });

  it('shows an artist with their albums', async () => {
    renderApp('#/store/artist/1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Quiet Static' })).toBeTruthy();
    const grid = screen.getByRole('list', { name: 'Albums by Quiet Static' });
    expect(
      within(grid)
        .getByRole('link', { name: /Low Tide Signals/ })
        .getAttribute('href'),
    ).toBe('#/store/album/1');
  });

  it('asks for quotes again when the balance changes, not when asking for them synced it', async () => {
    const fake = new FakeAppApi();
    const real = fake.client();
    // As the core: a quote syncs the balance, and the sync announces it.
    const client: AppClient = {
      ...real,
      'store.quotes': async (input) => {
        const table = await real['store.quotes'](input);
        fake.emit({ name: 'balance', payload: { balance: table.balance } });
        return table;
      },
    };
    renderWithFake('#/store/album/1', fake, client);
    await screen.findByRole('radio', { name: ENCODINGS.flac.label });
    await new Promise((r) => setTimeout(r, 300));
    const settled = callsOf(fake, 'store.quotes').length;
    expect(settled).toBeLessThanOrEqual(2);

    // A top-up elsewhere: the figures differ, so the table is fetched again and shows them.
    fake.state.balanceBytes += 100 * MB;
    const balance = await real['account.balance']({});
    act(() => fake.emit({ name: 'balance', payload: { balance } }));
    await waitFor(() => expect(callsOf(fake, 'store.quotes').length).toBeGreaterThan(settled));
    const v0 = quoteRow(ENCODINGS['mp3-320'].label);
    await waitFor(() => expect(v0.cells[4]!.textContent).toMatch(/^5\d\d\.\d MB$/));
    await new Promise((r) => setTimeout(r, 300));
    expect(callsOf(fake, 'store.quotes').length).toBeLessThanOrEqual(settled + 2);
  });
});
