import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

const LOW_TIDE = 'Quiet Static — Low Tide Signals';
const ORCHARD = 'Ferro & The Lows — Pixel Orchard';
const NEON = 'Marble Arcade — Neon Cartography';

/** Three albums in the queue: jobs 101–104, then 201–203 and 251–253 (two discs), then 301–304. */
async function threeAlbums(): Promise<FakeAppApi> {
  const fake = new FakeAppApi();
  const client = fake.client();
  await client['store.buy']({ albumId: 1, encoding: 'mp3-v0' });
  await client['store.buy']({ albumId: 3, encoding: 'mp3-v0' });
  await client['store.buy']({ albumId: 2, encoding: 'mp3-v0' });
  renderWithFake('#/downloads', fake);
  await screen.findByRole('heading', { level: 3, name: NEON });
  return fake;
}

function shownOrder(): string[] {
  const queue = screen.getByRole('heading', { level: 2, name: 'Queue' }).closest('section')!;
  return [...queue.querySelectorAll('h3')].map((h) => h.textContent ?? '');
}

function item(name: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name }).closest('li')!;
}

describe('reordering the queue', () => {
  it('moves an album up with the Move up button: its jobs, first job first, to their places', async () => {
    const fake = await threeAlbums();
    await userEvent.click(screen.getByRole('button', { name: `Move ${NEON} up` }));
    await waitFor(() => expect(shownOrder()).toEqual([LOW_TIDE, NEON, ORCHARD]));
    expect(callsOf(fake, 'downloads.move')).toEqual([
      { id: 301, place: 5 },
      { id: 302, place: 6 },
      { id: 303, place: 7 },
      { id: 304, place: 8 },
    ]);
    expect(fake.state.groups.map((g) => g.purchaseId)).toEqual([1, 3, 2]);
    // The focus stays with the album that moved, and the move is announced.
    await waitFor(() => expect(document.activeElement?.closest('li')).toBe(item(NEON)));
    expect(screen.getByText(`Moved Neon Cartography to place 2 of 3.`)).toBeTruthy();
  });

  it('moves an album down with the Move down button', async () => {
    const fake = await threeAlbums();
    await userEvent.click(screen.getByRole('button', { name: `Move ${LOW_TIDE} down` }));
    await waitFor(() => expect(shownOrder()).toEqual([ORCHARD, LOW_TIDE, NEON]));
    expect(callsOf(fake, 'downloads.move')[0]).toEqual({ id: 104, place: 10 });
    expect(fake.state.groups.map((g) => g.purchaseId)).toEqual([2, 1, 3]);
  });

  it('moves with Alt+ArrowUp and Alt+ArrowDown from inside an album', async () => {
    const fake = await threeAlbums();
    const button = screen.getByRole('button', { name: `Pause ${NEON}` });
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(shownOrder()).toEqual([LOW_TIDE, NEON, ORCHARD]));
    fireEvent.keyDown(screen.getByRole('button', { name: `Pause ${NEON}` }), {
      key: 'ArrowUp',
      altKey: true,
    });
    await waitFor(() => expect(shownOrder()).toEqual([NEON, LOW_TIDE, ORCHARD]));
    // Already first: nothing to do.
    const before = callsOf(fake, 'downloads.move').length;
    fireEvent.keyDown(screen.getByRole('button', { name: `Pause ${NEON}` }), {
      key: 'ArrowUp',
      altKey: true,
    });
    fireEvent.keyDown(screen.getByRole('button', { name: `Pause ${LOW_TIDE}` }), {
      key: 'ArrowDown',
      altKey: true,
    });
    await waitFor(() => expect(shownOrder()).toEqual([NEON, ORCHARD, LOW_TIDE]));
    expect(callsOf(fake, 'downloads.move').length).toBe(before + 4);
    expect(fake.state.groups.map((g) => g.purchaseId)).toEqual([3, 2, 1]);
    // Arrows without Alt are left to the browser.
    fireEvent.keyDown(screen.getByRole('button', { name: `Pause ${LOW_TIDE}` }), { key: 'ArrowUp' });
    expect(callsOf(fake, 'downloads.move').length).toBe(before + 4);
  });

  it('disables moving the first album up and the last one down', async () => {
    await threeAlbums();
    expect((screen.getByRole('button', { name: `Move ${LOW_TIDE} up` }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('button', { name: `Move ${NEON} down` }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('button', { name: `Move ${ORCHARD} up` }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('moves an album by dragging it onto another', async () => {
    const fake = await threeAlbums();
    fireEvent.dragStart(item(LOW_TIDE));
    fireEvent.dragOver(item(NEON));
    expect(item(NEON).className).toContain('dl-drop-after');
    fireEvent.drop(item(NEON));
    await waitFor(() => expect(shownOrder()).toEqual([ORCHARD, NEON, LOW_TIDE]));
    expect(fake.state.groups.map((g) => g.purchaseId)).toEqual([2, 3, 1]);

    fireEvent.dragStart(item(LOW_TIDE));
    fireEvent.dragOver(item(ORCHARD));
    expect(item(ORCHARD).className).toContain('dl-drop-before');
    fireEvent.drop(item(ORCHARD));
    await waitFor(() => expect(shownOrder()).toEqual([LOW_TIDE, ORCHARD, NEON]));
  });
});
