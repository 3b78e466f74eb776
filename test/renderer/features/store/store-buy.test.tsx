import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ENCODINGS } from '../../../../api/schemas/encoding-catalog.ts';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { fakeTrackBytes } from '../../fake/fake-catalog.ts';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

const MB = 1_000_000;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

async function openAlbum(fake: FakeAppApi, id = 1) {
  renderWithFake(`#/store/album/${id}`, fake);
  await screen.findByRole('radio', { name: ENCODINGS.flac.label });
  await waitFor(() =>
    expect((screen.getByRole('radio', { name: ENCODINGS['mp3-v0'].label }) as HTMLInputElement).checked).toBe(
      true,
    ),
  );
}

describe('buying an album', () => {
  it('confirms the charge, buys once however often Confirm is clicked, and says so', async () => {
    const fake = new FakeAppApi();
    await openAlbum(fake);
    const tracks = fake.albums[0]!.discs[0]!.tracks;
    const v0 = tracks.reduce((s, t) => s + fakeTrackBytes('mp3-v0', t.durationMs), 0);

    await userEvent.click(screen.getByRole('button', { name: 'Buy album' }));
    const dialog = screen.getByRole('dialog', { name: 'Buy album?' });
    expect(within(dialog).getByText('Quiet Static — Low Tide Signals')).toBeTruthy();
    expect(within(dialog).getByText(ENCODINGS['mp3-v0'].label)).toBeTruthy();
    expect(within(dialog).getByTestId('buy-charge').textContent).toBe(
      `about ${mb(v0)} MB ($${((v0 / MB) * 0.02).toFixed(2)})`,
    );
    expect(dialog.textContent).toContain(
      `you are charged the exact size of the encoded files; at most ${mb(Math.round(v0 * 1.15))} MB is reserved`,
    );
    expect(dialog.textContent).toContain('Balance now500.0 MB');
    expect(dialog.textContent).toContain(`Balance after≈ ${mb(500 * MB - v0)} MB`);

    const confirm = within(dialog).getByRole('button', { name: 'Confirm purchase' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsOf(fake, 'store.buy')).toEqual([{ albumId: 1, encoding: 'mp3-v0' }]);
    expect(fake.state.groups).toHaveLength(1);

    const toasts = screen.getByRole('region', { name: 'Notifications' });
    expect(toasts.textContent).toContain(
      'Bought Quiet Static — Low Tide Signals (MP3 V0 (LAME VBR)) — downloading.',
    );
    expect(screen.getByRole('link', { name: 'Go to Downloads' }).getAttribute('href')).toBe('#/downloads');
    // The status panel asks for the balance again and shows the reservation.
    await waitFor(() => expect(screen.getByText(`${mb(fake.state.reservedBytes)} MB reserved`)).toBeTruthy());
  });

  it('buys only the selected tracks', async () => {
    const fake = new FakeAppApi();
    await openAlbum(fake, 3);
    await userEvent.click(screen.getByRole('button', { name: 'Select none' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Buy Graft' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Buy Cider' }));
    await userEvent.click(screen.getByRole('radio', { name: ENCODINGS['mp3-320'].label }));
    await userEvent.click(await screen.findByRole('button', { name: 'Buy 2 tracks' }));
    const dialog = screen.getByRole('dialog', { name: 'Buy 2 tracks?' });
    expect(dialog.textContent).toContain('These files are encoded already: this is the exact charge.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm purchase' }));
    await waitFor(() =>
      expect(callsOf(fake, 'store.buy')).toEqual([{ albumId: 3, encoding: 'mp3-320', trackIds: [302, 305] }]),
    );
  });

  it('keeps the dialog open on INSUFFICIENT_BALANCE, with the way to top up', async () => {
    const fake = new FakeAppApi();
    await openAlbum(fake);
    fake.failNext('store.buy', 'INSUFFICIENT_BALANCE');
    await userEvent.click(screen.getByRole('button', { name: 'Buy album' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm purchase' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Not enough megabytes for this purchase.');
    expect(within(alert).getByRole('link', { name: 'Top up in Account' }).getAttribute('href')).toBe(
      '#/account',
    );
    expect(fake.state.groups).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Go to Downloads' })).toBeNull();
  });

  it('does not offer to buy an encoding that does not fit the balance', async () => {
    const fake = new FakeAppApi({ balanceBytes: 40 * MB });
    await openAlbum(fake);
    await userEvent.click(screen.getByRole('radio', { name: ENCODINGS.flac.label }));
    expect((screen.getByRole('button', { name: 'Buy album' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Not enough megabytes for this encoding/)).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: ENCODINGS['mp3-128'].label }));
    expect((screen.getByRole('button', { name: 'Buy album' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('cancels without buying', async () => {
    const fake = new FakeAppApi();
    await openAlbum(fake);
    await userEvent.click(screen.getByRole('button', { name: 'Buy album' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf(fake, 'store.buy')).toEqual([]);
  });
});
