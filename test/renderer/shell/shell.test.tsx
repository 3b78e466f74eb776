import { screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render-app.tsx';

describe('app shell', () => {
  it('shows the balance from the API and marks the current section', async () => {
    renderApp('#/downloads');
    await waitFor(() => expect(screen.getByTestId('balance-available').textContent).toBe('500.0 MB'));
    expect(screen.getByRole('link', { name: 'Downloads' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Store' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows an offline badge when the store stops answering, and drops it when it is back', async () => {
    const { fake } = renderApp('#/store');
    await screen.findByText('500.0 MB');
    act(() => fake.setOnline(false));
    expect(await screen.findByText(/Offline — store unreachable/)).toBeTruthy();
    act(() => fake.setOnline(true));
    await waitFor(() => expect(screen.queryByText(/Offline/)).toBeNull());
  });

  it('applies the theme setting to the document', async () => {
    renderApp('#/store', {});
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
  });

  it('announces a filed album in the notification region', async () => {
    const { fake } = renderApp('#/downloads');
    await screen.findByText('500.0 MB');
    act(() =>
      fake.emit({
        name: 'album-filed',
        payload: { purchaseId: 1, albumTitle: 'Low Tide Signals', artistName: 'Quiet Static', tracks: 4 },
      }),
    );
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(region.textContent).toContain('Quiet Static — Low Tide Signals is in your library (4 tracks).');
    act(() =>
      fake.emit({
        name: 'album-filed',
        payload: { purchaseId: 2, albumTitle: 'Single', artistName: 'Mira Vale', tracks: 1 },
      }),
    );
    expect(region.textContent).toContain('Mira Vale — Single is in your library (1 track).');
  });

  it('speaks English by default, in <html lang> too', async () => {
    renderApp('#/store');
    await screen.findByText('500.0 MB');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeTruthy();
  });
});
