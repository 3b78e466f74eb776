import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { FakeAppApi } from '../../fake/fake-app-api.ts';
import { fileAlbum } from '../../file-album.ts';
import { renderApp } from '../../render-app.tsx';

const MB = 1_000_000;
const ledgerRows = () =>
  within(screen.getByRole('table', { name: 'Ledger history, newest first' }))
    .getAllByRole('row')
    .slice(1);
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

describe('account: balance', () => {
  it('shows available, reserved and the balance in MB and money', async () => {
    renderApp('#/account', { balanceBytes: 800 * MB, reservedBytes: 150 * MB });
    await waitFor(() => expect(screen.getByTestId('gauge-available').textContent).toBe('650.0 MB≈ $13.00'));
    expect(screen.getByTestId('gauge-reserved').textContent).toBe('150.0 MB≈ $3.00');
    expect(screen.getByTestId('gauge-balance').textContent).toBe('800.0 MB≈ $16.00');
    expect(
      screen.getByRole('img', { name: '650.0 MB available and 150.0 MB reserved, of 800.0 MB' }),
    ).toBeTruthy();
    expect(screen.getByText(/As of .* 1 MB costs \$0\.02/)).toBeTruthy();
    expect(screen.queryByTestId('balance-offline')).toBeNull();
  });

  it('marks the figures as last known when the store stops answering', async () => {
    const { fake } = renderApp('#/account');
    await screen.findByTestId('gauge-available');
    expect(screen.queryByTestId('balance-offline')).toBeNull();
    act(() => fake.setOnline(false));
    expect((await screen.findByTestId('balance-offline')).textContent).toBe('Offline · last known figures');
    fireEvent.change(screen.getByLabelText('Voucher code'), { target: { value: 'DEMO-500' } });
    expect((screen.getByRole('button', { name: 'Redeem' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/vouchers can be redeemed once it is back/)).toBeTruthy();
  });

  it('asks to log in when there is no session', async () => {
    renderApp('#/account', { session: null });
    expect(await screen.findByText(/You are not logged in to a store/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in in Settings' }).getAttribute('href')).toBe('#/settings');
    expect(screen.queryByLabelText('Voucher code')).toBeNull();
  });

  it('warns when the local ledger does not match the store', async () => {
    const { fake } = renderApp('#/account');
    await screen.findByTestId('gauge-available');
    act(() =>
      fake.emit({
        name: 'balance',
        payload: {
          balance: {
            balanceBytes: 500 * MB,
            reservedBytes: 0,
            availableBytes: 500 * MB,
            asOf: new Date().toISOString(),
            offline: false,
            mismatch: 'entries sum to 480.0 MB',
          },
        },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('entries sum to 480.0 MB');
  });
});

describe('account: top-up', () => {
  it('redeems a voucher, says what was credited and refreshes the balance everywhere', async () => {
    const { fake } = renderApp('#/account');
    await waitFor(() => expect(screen.getByTestId('balance-available').textContent).toBe('500.0 MB'));
    expect(screen.getByText(/demo store printed unused voucher codes/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Voucher code'), { target: { value: 'demo-500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Redeem' }));
    expect(await screen.findByText(/Added 500\.0 MB to your balance \(≈ \$10\.00\)/)).toBeTruthy();
    expect(fake.calls).toContainEqual({ method: 'account.topup', input: { code: 'demo-500' } });
    await waitFor(() => expect(screen.getByTestId('balance-available').textContent).toBe('1,000.0 MB'));
    await waitFor(() => expect(cellsOf(ledgerRows()[0]!)[1]).toBe('Top-up'));
    expect(ledgerRows()).toHaveLength(2);
    expect((screen.getByLabelText('Voucher code') as HTMLInputElement).value).toBe('');
  });

  it('explains an invalid voucher and keeps the code for correction', async () => {
    renderApp('#/account');
    await screen.findByTestId('gauge-available');
    fireEvent.change(screen.getByLabelText('Voucher code'), { target: { value: 'NOPE-0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Redeem' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That voucher code is not valid, or it was already used.');
    expect(alert.textContent).toContain('VOUCHER_INVALID');
    expect((screen.getByLabelText('Voucher code') as HTMLInputElement).value).toBe('NOPE-0000');
    expect(screen.queryByText(/Added .* to your balance/)).toBeNull();
  });

  it('shows other failures too, such as an unreachable store', async () => {
    const { fake } = renderApp('#/account');
    await screen.findByTestId('gauge-available');
    fake.failNext('account.topup', 'STORE_UNREACHABLE');
    fireEvent.change(screen.getByLabelText('Voucher code'), { target: { value: 'DEMO-500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Redeem' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The store is not answering.');
  });
});

async function buyTwo(fake: FakeAppApi) {
  await fileAlbum(fake, 1, 'mp3-v0');
  await fileAlbum(fake, 2, 'flac');
}

describe('account: ledger', () => {
  it('lists entries newest first with signed amounts and references', async () => {
    const { fake } = renderApp('#/account');
    await act(() => fileAlbum(fake, 1, 'mp3-v0'));
    const entries = [...fake.state.ledger].reverse();
    await waitFor(() => expect(ledgerRows()).toHaveLength(entries.length));
    expect(ledgerRows().map((r) => cellsOf(r)[1])).toEqual(['Released', 'Charged', 'Reserved', 'Top-up']);
    const charged = entries.find((e) => e.kind === 'settle')!;
    const [, , amount, reserved, after, reference] = cellsOf(ledgerRows()[1]!);
    expect(amount).toBe(`−${mb(-charged.amountBytes)}`);
    expect(reserved).toBe(`−${mb(-charged.reservedDeltaBytes)}`);
    expect(after).toBe(mb(charged.balanceAfterBytes));
    expect(reference).toBe(`Order ${charged.orderId}`);
    const topup = cellsOf(ledgerRows()[3]!);
    expect(topup[2]).toBe('+500.0 MB');
    expect(topup[3]).toBe('—');
  });

  it('shows a long history a page at a time', async () => {
    const { fake } = renderApp('#/account');
    const first = fake.state.ledger[0]!;
    for (let i = 0; i < 59; i++) fake.state.ledger.push({ ...first, id: i + 2, note: `entry ${i + 2}` });
    act(() =>
      fake.emit({
        name: 'album-filed',
        payload: { purchaseId: 1, albumTitle: '', artistName: '', tracks: 0 },
      }),
    );
    await waitFor(() => expect(ledgerRows()).toHaveLength(25));
    expect(screen.getByText('Showing 25 of 60 entries')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show 25 more' }));
    expect(ledgerRows()).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more' }));
    expect(ledgerRows()).toHaveLength(60);
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
  });
});

describe('account: spending', () => {
  it('says nothing was bought yet', async () => {
    renderApp('#/account');
    expect(await screen.findByText(/Nothing bought yet/)).toBeTruthy();
    expect(screen.queryByTestId('spend-by-month')).toBeNull();
  });

  it('charts megabytes per month with a summary for screen readers, and the top artists', async () => {
    const { fake } = renderApp('#/account');
    await act(() => buyTwo(fake));
    const settles = fake.state.ledger.filter((e) => e.kind === 'settle');
    settles[0]!.createdAt = '2026-01-20T10:00:00.000Z';
    settles[1]!.createdAt = '2026-03-02T10:00:00.000Z';
    act(() =>
      fake.emit({
        name: 'album-filed',
        payload: { purchaseId: 1, albumTitle: '', artistName: '', tracks: 0 },
      }),
    );

    const chart = await screen.findByRole('img', {
      name: /^Megabytes spent per month, Jan 2026 to Mar 2026/,
    });
    const bytes = settles.map((e) => -e.amountBytes);
    const label = chart.getAttribute('aria-label')!;
    expect(label).toContain(`Jan 2026 ${mb(bytes[0]!)} ($${((bytes[0]! / MB) * 0.02).toFixed(2)})`);
    expect(label).toContain(`Mar 2026 ${mb(bytes[1]!)}`);
    // February had no purchases: an empty bar keeps the time axis honest.
    const months = Array.from(chart.querySelectorAll('[data-month]')).map((e) =>
      e.getAttribute('data-month'),
    );
    expect(months).toEqual(['2026-01', '2026-02', '2026-03']);
    const heights = Array.from(chart.querySelectorAll<HTMLElement>('.month-bar')).map((e) => e.style.height);
    expect(heights[1]).toBe('0%');
    expect(heights[bytes[0]! > bytes[1]! ? 0 : 2]).toBe('100%');
    expect(screen.getByRole('table', { name: 'Spending per month' })).toBeTruthy();

    const artists = within(screen.getByRole('table', { name: 'Top artists' }))
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    const expected = [
      { name: 'Quiet Static', bytes: bytes[0]! },
      { name: 'Marble Arcade', bytes: bytes[1]! },
    ].sort((a, b) => b.bytes - a.bytes);
    expect(artists).toEqual(expected.map((a) => a.name));
    expect(screen.getByTestId('spend-total').textContent).toContain(mb(bytes[0]! + bytes[1]!));
  });
});
