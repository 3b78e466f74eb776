import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { renderApp } from '../../render-app.tsx';
import { renderWithFake } from '../../render-with-fake.tsx';

describe('store home', () => {
  it('shows new releases and charts as album cards linking to their pages, and genres with counts', async () => {
    const { fake } = renderApp('#/store');
    const releases = await screen.findByRole('list', { name: 'New releases' });
    const cards = within(releases).getAllByRole('listitem');
    // The fake lists new releases newest first: the reverse of its catalog.
    expect(cards.map((c) => within(c).getAllByRole('link')[0]!.textContent)).toEqual(
      [...fake.albums].reverse().map((a) => a.title),
    );
    const first = fake.albums.at(-1)!;
    expect(
      within(cards[0]!)
        .getByRole('link', { name: new RegExp(first.title) })
        .getAttribute('href'),
    ).toBe(`#/store/album/${first.id}`);
    expect(within(cards[0]!).getByRole('link', { name: first.artist.name }).getAttribute('href')).toBe(
      `#/store/artist/${first.artist.id}`,
    );
    expect(within(cards[0]!).getByRole('img').getAttribute('src')).toBe(`/covers/store/${first.id}/300`);

    const charts = screen.getByRole('list', { name: 'Charts' });
    const chartItems = within(charts).getAllByRole('listitem');
    const bySales = [...fake.albums].sort((a, b) => b.sales - a.sales);
    expect(chartItems[0]!.textContent).toContain('Number 1');
    expect(chartItems[0]!.textContent).toContain(bySales[0]!.title);
    expect(chartItems[2]!.textContent).toContain(bySales[2]!.title);

    const genres = screen.getByRole('heading', { name: 'Genres' }).parentElement!;
    expect(within(genres).getByText('Electronic').parentElement!.textContent).toContain('2 albums');
    expect(within(genres).getByText('Rock').parentElement!.textContent).toContain('1 album');
  });

  it('says the store is unreachable with a retry, and loads once it answers', async () => {
    const fake = new FakeAppApi({ online: false });
    renderWithFake('#/store', fake);
    expect((await screen.findByRole('alert')).textContent).toContain('The store is not answering');
    expect(screen.queryByRole('list', { name: 'New releases' })).toBeNull();
    fake.state.online = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'New releases' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reloads by itself when the connection comes back', async () => {
    const fake = new FakeAppApi({ online: false });
    renderWithFake('#/store', fake);
    await screen.findByRole('alert');
    act(() => fake.setOnline(true));
    expect(await screen.findByRole('list', { name: 'Charts' })).toBeTruthy();
  });

  it('has a helpful empty state when the store lists nothing', async () => {
    const fake = new FakeAppApi();
    fake.albums.splice(0);
    renderWithFake('#/store', fake);
    expect(await screen.findByText('The store has no albums yet.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('list', { name: 'New releases' })).toBeNull());
  });
});
