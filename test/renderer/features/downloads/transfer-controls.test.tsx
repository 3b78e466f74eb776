import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

describe('transfer controls', () => {
  it('saves the number of parallel downloads', async () => {
    const fake = new FakeAppApi();
    renderWithFake('#/downloads', fake);
    const select = await screen.findByRole('combobox', { name: 'Parallel downloads' });
    expect((select as HTMLSelectElement).value).toBe('3');
    expect(select.querySelectorAll('option')).toHaveLength(16);
    await userEvent.selectOptions(select, '6');
    await waitFor(() => expect(callsOf(fake, 'settings.update')).toEqual([{ concurrency: 6 }]));
    expect(fake.state.settings.concurrency).toBe(6);
    expect(await screen.findByText(/Saved · applies to running downloads/)).toBeTruthy();
  });

  it('turns a speed limit on, changes it in kB/s or MB/s, and turns it off', async () => {
    const fake = new FakeAppApi();
    renderWithFake('#/downloads', fake);
    const limit = await screen.findByRole('checkbox', { name: 'Limit speed to' });
    const value = screen.getByRole('spinbutton', { name: 'Speed limit' }) as HTMLInputElement;
    expect(value.disabled).toBe(true);

    await userEvent.click(limit);
    await waitFor(() =>
      expect(callsOf(fake, 'settings.update').at(-1)).toEqual({ bandwidthLimit: 2_000_000 }),
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Speed limit unit' }), 'kB');
    await waitFor(() => expect(callsOf(fake, 'settings.update').at(-1)).toEqual({ bandwidthLimit: 2_000 }));

    await userEvent.clear(value);
    await userEvent.type(value, '750{Enter}');
    await waitFor(() => expect(callsOf(fake, 'settings.update').at(-1)).toEqual({ bandwidthLimit: 750_000 }));
    expect(fake.state.settings.bandwidthLimit).toBe(750_000);

    await userEvent.click(limit);
    await waitFor(() => expect(callsOf(fake, 'settings.update').at(-1)).toEqual({ bandwidthLimit: null }));
  });

  it('refuses a limit below what the core accepts', async () => {
    const fake = new FakeAppApi();
    fake.state.settings.bandwidthLimit = 300_000;
    renderWithFake('#/downloads', fake);
    const value = (await screen.findByRole('spinbutton', { name: 'Speed limit' })) as HTMLInputElement;
    await waitFor(() => expect(value.value).toBe('300'));
    expect((screen.getByRole('combobox', { name: 'Speed limit unit' }) as HTMLSelectElement).value).toBe(
      'kB',
    );
    await userEvent.clear(value);
    await userEvent.type(value, '1');
    fireEvent.blur(value);
    expect(await screen.findByText('Set a limit of at least 2 kB/s.')).toBeTruthy();
    expect(callsOf(fake, 'settings.update')).toEqual([]);
  });

  it('shows a limit saved elsewhere in MB/s', async () => {
    const fake = new FakeAppApi();
    fake.state.settings.bandwidthLimit = 1_500_000;
    renderWithFake('#/downloads', fake);
    const value = (await screen.findByRole('spinbutton', { name: 'Speed limit' })) as HTMLInputElement;
    await waitFor(() => expect(value.value).toBe('1.5'));
    expect((screen.getByRole('checkbox', { name: 'Limit speed to' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Speed limit unit' }) as HTMLSelectElement).value).toBe(
      'MB',
    );
  });
});
