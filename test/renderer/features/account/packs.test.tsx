import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { FakeAppApi } from '../../fake/fake-app-api.ts';
import { fileAlbum } from '../../file-album.ts';
import { ManualTimers } from '../../manual-timers.ts';
import { renderApp } from '../../render-app.tsx';

const MB = 1_000_000;

let opened: MockInstance<typeof window.open>;
beforeEach(() => {
  opened = vi.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => opened.mockRestore());

const packRow = (id: string) => {
  const row = screen.getByTestId('pack-table').querySelector<HTMLElement>(`tr[data-pack="${id}"]`);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
};
const cellsOf = (row: HTMLElement) => [
  within(row).getByRole('rowheader').textContent,
  ...within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent),
];
const ledgerRows = () =>
  within(screen.getByRole('table', { name: 'Ledger history, newest first' }))
    .getAllByRole('row')
    .slice(1);

/** Renders the account screen on a clock the test moves, and waits for the packs. */
async function openAccount(state: Parameters<typeof renderApp>[1] = {}) {
  const timers = new ManualTimers();
  const rendered = renderApp('#/account', state, { timers });
  await screen.findByRole('table', { name: 'Top-up packs at your price' });
  return { ...rendered, timers };
}

/**
 * One poll: the clock reaches the next second and the answer is shown. The next poll is scheduled
 * by an effect after the last answer rendered, so wait for it before moving the clock: a render
 * seen in the DOM does not mean its effects have run.
 */
async function tick(timers: ManualTimers, fake: FakeAppApi) {
  await waitFor(() => expect(timers.pending).toBe(1));
  const before = fake.calls.filter((c) => c.method === 'account.checkoutStatus').length;
  await act(async () => timers.advance(1000));
  await waitFor(() =>
    expect(fake.calls.filter((c) => c.method === 'account.checkoutStatus')).toHaveLength(before + 1),
  );
}

async function buy500(fake: FakeAppApi) {
  fireEvent.click(screen.getByRole('button', { name: 'Buy 500 MB for $9.00' }));
  await screen.findByText(/Waiting for payment… complete it in the page that opened\./);
  return fake.lastCheckout();
}

describe('account: buying megabytes', () => {
  it('lists every pack with my price, price per MB and saving, and the next loyalty tier', async () => {
    await openAccount();
    const table = screen.getByRole('table', { name: 'Top-up packs at your price' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Pack', 'Your price', 'Per MB', 'You save', 'Buy']);
    expect(cellsOf(packRow('100MB'))).toEqual(['100 MB', '$2.00', '$0.02', '—', 'Buy']);
    expect(cellsOf(packRow('500MB'))).toEqual([
      '500 MB',
      '$9.00instead of $10.00incl. 10% volume discount',
      '$0.018',
      'save 10% · $1.00',
      'Buy',
    ]);
    expect(cellsOf(packRow('2000MB'))[3]).toBe('save 25% · $10.00');
    expect(screen.getByTestId('loyalty').textContent).toBe('Spend $7.50 more for 10% off');
    expect(screen.getByText(/Packs cost less per MB than \$0\.02 one by one/)).toBeTruthy();
  });

  it('applies my loyalty discount and names the tier after it', async () => {
    await openAccount({ lifetimeSpentMicros: 20_000_000 });
    expect(cellsOf(packRow('500MB')).slice(1, 4)).toEqual([
      '$8.10instead of $10.00incl. 10% volume and 10% loyalty discount',
      '$0.0162',
      'save 19% · $1.90',
    ]);
    expect(screen.getByTestId('loyalty').textContent).toBe(
      'Your loyalty discount: 10% off every pack. Spend $30.00 more for 15% off',
    );
    expect(screen.getByRole('button', { name: 'Buy 500 MB for $8.10' })).toBeTruthy();
  });

  it('says so at the top tier', async () => {
    await openAccount({ lifetimeSpentMicros: 60_000_000 });
    expect(screen.getByTestId('loyalty').textContent).toBe(
      'You have the top loyalty discount: 15% off every pack.',
    );
  });

  it('opens the payment page, waits while it is pending, then adds the megabytes and refreshes the balance', async () => {
    const { fake, timers } = await openAccount();
    await waitFor(() => expect(screen.getByTestId('balance-available').textContent).toBe('500.0 MB'));
    const checkout = await buy500(fake);
    expect(fake.calls).toContainEqual({ method: 'account.checkout', input: { packId: '500MB' } });
    expect(opened).toHaveBeenCalledExactlyOnceWith(checkout.payUrl, '_blank', 'noopener,noreferrer');

    const status = screen.getByTestId('checkout-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('500 MB for $9.00.');
    const reopen = screen.getByRole('link', { name: 'Open the payment page again' });
    expect(reopen.getAttribute('href')).toBe(checkout.payUrl);
    expect(reopen.getAttribute('target')).toBe('_blank');
    expect(reopen.getAttribute('rel')).toBe('noopener noreferrer');
    for (const button of screen.getAllByRole('button', { name: /^Buy / })) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
    }

    // Still pending: one question a second, and only one waiting at a time.
    await tick(timers, fake);
    await tick(timers, fake);
    expect(timers.pending).toBe(1);
    expect(screen.getByText(/Waiting for payment/)).toBeTruthy();

    act(() => fake.settleCheckout(checkout.id, 'paid'));
    await tick(timers, fake);
    expect(
      (await screen.findByText('500 MB added to your balance.')).closest('[role="status"]'),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('balance-available').textContent).toBe('1,000.0 MB'));
    await waitFor(() =>
      expect(within(ledgerRows()[0]!).getAllByRole('cell')[2]!.textContent).toBe('+500.0 MB · $9.00'),
    );
    expect(within(ledgerRows()[0]!).getAllByRole('cell')[5]!.textContent).toBe('Payment pay_fake00…');
    expect(timers.pending).toBe(0);
    // The loyalty tier moved: $2.50 + $9.00 spent.
    await waitFor(() =>
      expect(screen.getByTestId('loyalty').textContent).toBe(
        'Your loyalty discount: 10% off every pack. Spend $38.50 more for 15% off',
      ),
    );
    expect((screen.getByRole('button', { name: 'Buy 500 MB for $8.10' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it.each([
    ['declined', /The payment was declined: Your card was declined\. Nothing was charged/],
    [
      'expired',
      /The checkout expired before it was paid: The payment was not completed within 30 minutes\. Nothing/,
    ],
  ] as const)('explains a %s payment and credits nothing', async (state, message) => {
    const { fake, timers } = await openAccount();
    const checkout = await buy500(fake);
    act(() => fake.settleCheckout(checkout.id, state));
    await tick(timers, fake);
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(screen.queryByText(/Waiting for payment/)).toBeNull();
    expect(timers.pending).toBe(0);
    expect(fake.state.balanceBytes).toBe(500 * MB);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Buy 500 MB for $9.00' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('stops asking when told to stop waiting', async () => {
    const { fake, timers } = await openAccount();
    await buy500(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Stop waiting' }));
    expect(
      screen.getByText(/Stopped waiting\. If you still pay, the megabytes are added all the same/),
    ).toBeTruthy();
    expect(timers.pending).toBe(0);
    const polls = fake.calls.filter((c) => c.method === 'account.checkoutStatus').length;
    await act(async () => timers.advance(10_000));
    expect(fake.calls.filter((c) => c.method === 'account.checkoutStatus')).toHaveLength(polls);
  });

  it('keeps waiting through a store that stops answering for a moment', async () => {
    const { fake, timers } = await openAccount();
    const checkout = await buy500(fake);
    fake.failNext('account.checkoutStatus', 'STORE_UNREACHABLE');
    await tick(timers, fake);
    expect(await screen.findByText(/The store is not answering right now; still waiting\./)).toBeTruthy();
    act(() => fake.settleCheckout(checkout.id, 'paid'));
    await tick(timers, fake);
    expect(await screen.findByText('500 MB added to your balance.')).toBeTruthy();
  });

  it('shows why a checkout could not start', async () => {
    const { fake } = await openAccount();
    fake.failNext('account.checkout', 'STORE_UNREACHABLE');
    fireEvent.click(screen.getByRole('button', { name: 'Buy 100 MB for $2.00' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The store is not answering.');
    expect(opened).not.toHaveBeenCalled();
  });

  it('keeps the voucher form', async () => {
    await openAccount();
    expect(screen.getByLabelText('Voucher code')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Redeem' })).toBeTruthy();
  });
});

describe('account: payments in the ledger and the spend chart', () => {
  it('shows a refund with the money given back', async () => {
    const { fake } = renderApp('#/account');
    const topup = fake.state.ledger[0]!;
    const paid = { currency: 'USD', micros: 9_000_000, display: '$9.00' };
    fake.state.ledger.push(
      { ...topup, id: 2, amountBytes: 500 * MB, voucher: null, paymentId: 'pay_abcdefghij12', paid },
      {
        ...topup,
        id: 3,
        kind: 'refund',
        amountBytes: -500 * MB,
        voucher: null,
        paymentId: 'pay_abcdefghij12',
        paid,
      },
    );
    act(() =>
      fake.emit({
        name: 'album-filed',
        payload: { purchaseId: 1, albumTitle: '', artistName: '', tracks: 0 },
      }),
    );
    await waitFor(() => expect(ledgerRows()).toHaveLength(3));
    const [refund, payment] = ledgerRows().map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(refund!.slice(1, 3)).toEqual(['Refund', '−500.0 MB · $9.00']);
    expect(refund![5]).toBe('Refund of payment pay_abcdef…');
    expect(payment!.slice(1, 3)).toEqual(['Top-up', '+500.0 MB · $9.00']);
  });

  it('switches the spend charts between megabytes and the money paid for them', async () => {
    const { fake } = renderApp('#/account');
    await act(() => fileAlbum(fake, 1, 'mp3-v0'));
    const month = fake.state.ledger.find((e) => e.kind === 'settle')!.createdAt.slice(0, 7);
    const bytes = -fake.state.ledger.find((e) => e.kind === 'settle')!.amountBytes;
    const unit = await screen.findByRole('group', { name: 'Show spending in' });
    const mbButton = within(unit).getByRole('button', { name: 'MB' });
    const moneyButton = within(unit).getByRole('button', { name: 'Money' });
    expect(mbButton.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('img', { name: /^Megabytes spent per month/ })).toBeTruthy();

    fireEvent.click(moneyButton);
    expect(moneyButton.getAttribute('aria-pressed')).toBe('true');
    expect(mbButton.getAttribute('aria-pressed')).toBe('false');
    const paid = `$${((bytes / MB) * 0.018).toFixed(2)}`;
    const chart = screen.getByRole('img', { name: /^Money spent per month/ });
    expect(chart.getAttribute('aria-label')).toContain(paid);
    expect(chart.querySelector(`[data-month="${month}"] .bar-value`)!.textContent).toBe(paid);
    expect(screen.getByTestId('spend-total').textContent).toContain(`${paid} paid in total`);
    expect(screen.getByText(/each purchase uses your oldest top-up first/)).toBeTruthy();

    fireEvent.click(mbButton);
    expect(screen.getByRole('img', { name: /^Megabytes spent per month/ })).toBeTruthy();
  });
});
