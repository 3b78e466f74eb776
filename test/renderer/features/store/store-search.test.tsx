import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../api/schemas/catalog.ts';
import type { AppClient } from '../../../../renderer/api/app-client.ts';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { renderApp } from '../../render-app.tsx';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

function section(name: RegExp) {
  return screen.getByRole('heading', { name }).closest('section')!;
}

describe('store search', () => {
  it('shows artists, albums and tracks in sections with their counts', async () => {
    renderApp('#/store/search?q=arcade');
    await screen.findByRole('heading', { name: /Artists/ });
    expect(section(/Artists/).querySelector('.store-count')!.textContent).toBe('1');
    expect(
      within(section(/Artists/))
        .getByRole('link', { name: 'Marble Arcade' })
        .getAttribute('href'),
    ).toBe('#/store/artist/2');
    expect(section(/Albums/).querySelector('.store-count')!.textContent).toBe('1');
    expect(within(section(/Albums/)).getByRole('link', { name: /Neon Cartography/ })).toBeTruthy();
    // No track title contains "arcade": no empty Tracks section either.
    expect(screen.queryByRole('heading', { name: /Tracks/ })).toBeNull();
  });

  it('links each track to its album', async () => {
    renderApp('#/store/search?q=graft');
    await screen.findByRole('heading', { name: /Tracks/ });
    const row = within(section(/Tracks/)).getByRole('row', { name: /Graft/ });
    expect(within(row).getByRole('link', { name: 'Graft' }).getAttribute('href')).toBe('#/store/album/3');
    expect(within(row).getByRole('link', { name: 'Pixel Orchard' }).getAttribute('href')).toBe(
      '#/store/album/3',
    );
    expect(row.textContent).toContain('3:07');
  });

  it('says so when nothing matches', async () => {
    renderApp('#/store/search?q=zzzz');
    expect(await screen.findByText('No results for “zzzz”.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Albums/ })).toBeNull();
  });

  it('follows the search box as the listener types', async () => {
    const { fake } = renderApp('#/store');
    await screen.findByRole('list', { name: 'New releases' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the store' }), 'undertow');
    const tracks = await screen.findByRole('heading', { name: /Tracks/ }, { timeout: 2000 });
    expect(tracks.closest('section')!.textContent).toContain('Undertow');
    expect(callsOf(fake, 'store.search').at(-1)).toEqual({ q: 'undertow' });
  });

  it('never lets an older answer overwrite a newer query', async () => {
    const fake = new FakeAppApi();
    const real = fake.client();
    const pending = new Map<string, (r: SearchResult) => void>();
    const client: AppClient = {
      ...real,
      'store.search': async (input) => {
        const answer = await real['store.search'](input);
        return new Promise<SearchResult>((resolve) => pending.set(input.q, () => resolve(answer)));
      },
    };
    renderWithFake('#/store/search?q=low', fake, client);
    await waitFor(() => expect(pending.has('low')).toBe(true));
    act(() => {
      window.location.hash = '#/store/search?q=neon';
    });
    await waitFor(() => expect(pending.has('neon')).toBe(true));
    // The newer query answers first, then the older one arrives late.
    await act(async () => pending.get('neon')!(undefined as never));
    await screen.findByRole('link', { name: /Neon Cartography/ });
    await act(async () => pending.get('low')!(undefined as never));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('link', { name: /Low Tide Signals/ })).toBeNull();
    expect(screen.getByRole('link', { name: /Neon Cartography/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('“neon”');
  });

  it('shows the store being unreachable with a retry', async () => {
    const fake = new FakeAppApi({ online: false });
    renderWithFake('#/store/search?q=low', fake);
    expect((await screen.findByRole('alert')).textContent).toContain('The store is not answering');
    fake.state.online = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /Low Tide Signals/ })).toBeTruthy();
  });
});
