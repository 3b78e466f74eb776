import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../electron/shared/app-api/contract.ts';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { renderApp } from '../../render-app.tsx';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

const LOW_TIDE = 'Quiet Static — Low Tide Signals';

async function queued(...buys: MethodInput<'store.buy'>[]): Promise<FakeAppApi> {
  const fake = new FakeAppApi();
  const client = fake.client();
  for (const buy of buys) await client['store.buy'](buy);
  return fake;
}

function groupItem(name: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name }).closest('li')!;
}

describe('downloads', () => {
  it('says what to do when nothing is queued', async () => {
    renderApp('#/downloads');
    expect(await screen.findByText('Nothing downloading. Buy an album in the Store.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the Store' }).getAttribute('href')).toBe('#/store');
  });

  it('shows each purchase with its encoding, overall progress and state', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' }, { albumId: 3, encoding: 'flac' });
    const [first, second] = fake.state.groups;
    const done = first!.jobs[0]!;
    done.state = 'done';
    done.bytesDone = done.bytesTotal!;
    for (const job of second!.jobs) job.state = 'paused';
    renderWithFake('#/downloads', fake);

    await screen.findByRole('heading', { level: 3, name: LOW_TIDE });
    const total = first!.jobs.reduce((s, j) => s + j.bytesTotal!, 0);
    const bar = screen.getByRole('progressbar', { name: `${LOW_TIDE} progress` });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(Math.round((done.bytesTotal! / total) * 100)));
    expect(within(groupItem(LOW_TIDE)).getByTestId('group-summary').textContent).toBe('Queued · 1 of 4 done');
    expect(within(groupItem(LOW_TIDE)).getByText('MP3 V0 (LAME VBR)')).toBeTruthy();
    const orchard = groupItem('Ferro & The Lows — Pixel Orchard');
    expect(within(orchard).getByTestId('group-summary').textContent).toBe('Paused · 0 of 6 done');
    expect(within(orchard).getByText('FLAC (lossless)')).toBeTruthy();
  });

  it('merges job-progress events into the bars and speeds without fetching the list again', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' });
    const job = fake.state.groups[0]!.jobs[1]!;
    job.state = 'downloading';
    renderWithFake('#/downloads', fake);
    await screen.findByRole('heading', { level: 3, name: LOW_TIDE });
    await userEvent.click(screen.getByRole('button', { name: '4 tracks' }));
    const lists = callsOf(fake, 'downloads.list').length;

    const total = fake.state.groups[0]!.jobs.reduce((s, j) => s + j.bytesTotal!, 0);
    const half = Math.round(job.bytesTotal! / 2);
    for (const received of [half / 4, half / 2, half]) {
      act(() =>
        fake.emit({
          name: 'job-progress',
          payload: {
            jobId: job.id,
            receivedBytes: received,
            totalBytes: job.bytesTotal!,
            bytesPerSecond: 1_500_000,
            etaSeconds: 2,
          },
        }),
      );
    }
    await waitFor(() =>
      expect(within(groupItem(LOW_TIDE)).getByTestId('group-speed').textContent).toBe('1.5 MB/s'),
    );
    expect(
      screen.getByRole('progressbar', { name: `${LOW_TIDE} progress` }).getAttribute('aria-valuenow'),
    ).toBe(String(Math.round((half / total) * 100)));
    expect(
      screen.getByRole('progressbar', { name: `${job.title} progress` }).getAttribute('aria-valuenow'),
    ).toBe('50');
    const row = screen.getByRole('row', { name: new RegExp(job.title) });
    expect(row.textContent).toContain('1.5 MB/s');
    expect(row.textContent).toContain('2 s');
    expect(callsOf(fake, 'downloads.list').length).toBe(lists);
  });

  it('pauses and resumes a whole album, and a single track', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' });
    renderWithFake('#/downloads', fake);
    await userEvent.click(await screen.findByRole('button', { name: `Pause ${LOW_TIDE}` }));
    expect(callsOf(fake, 'downloads.pause')).toEqual([{ ids: [101, 102, 103, 104] }]);
    await userEvent.click(await screen.findByRole('button', { name: `Resume ${LOW_TIDE}` }));
    expect(callsOf(fake, 'downloads.resume')).toEqual([{ ids: [101, 102, 103, 104] }]);

    await userEvent.click(await screen.findByRole('button', { name: '4 tracks' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Pause Undertow' }));
    expect(callsOf(fake, 'downloads.pause').at(-1)).toEqual({ ids: [102] });
    const resume = await screen.findByRole('button', { name: 'Resume Undertow' });
    expect(screen.getByRole('row', { name: /Undertow/ }).textContent).toContain('Paused');
    await userEvent.click(resume);
    expect(callsOf(fake, 'downloads.resume').at(-1)).toEqual({ ids: [102] });
  });

  it('pauses all and resumes all', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' }, { albumId: 2, encoding: 'opus-160' });
    renderWithFake('#/downloads', fake);
    await screen.findByRole('heading', { level: 3, name: LOW_TIDE });
    await userEvent.click(screen.getByRole('button', { name: 'Pause all' }));
    expect(callsOf(fake, 'downloads.pause')).toEqual([{ ids: 'all' }]);
    await waitFor(() =>
      expect(fake.state.groups.every((g) => g.jobs.every((j) => j.state === 'paused'))).toBe(true),
    );
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Resume all' }) as HTMLButtonElement).disabled).toBe(false),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Resume all' }));
    expect(callsOf(fake, 'downloads.resume')).toEqual([{ ids: [101, 102, 103, 104, 201, 202, 203, 204] }]);
  });

  it('cancels an album only after confirming, one job per call', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' });
    const done = fake.state.groups[0]!.jobs[0]!;
    done.state = 'done';
    done.bytesDone = done.bytesTotal!;
    renderWithFake('#/downloads', fake);

    await userEvent.click(await screen.findByRole('button', { name: `Cancel ${LOW_TIDE}` }));
    let dialog = screen.getByRole('dialog', { name: 'Cancel Low Tide Signals?' });
    expect(dialog.textContent).toContain('3 tracks will not be downloaded');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep downloading' }));
    expect(callsOf(fake, 'downloads.cancel')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: `Cancel ${LOW_TIDE}` }));
    dialog = screen.getByRole('dialog', { name: 'Cancel Low Tide Signals?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel 3 tracks' }));
    await waitFor(() =>
      expect(callsOf(fake, 'downloads.cancel')).toEqual([{ id: 102 }, { id: 103 }, { id: 104 }]),
    );
    // One track made it: the album is finished, under Finished.
    const finished = await screen.findByRole('heading', { level: 2, name: 'Finished' });
    await waitFor(() => expect(within(finished.closest('section')!).getByText(LOW_TIDE)).toBeTruthy());
  });

  it('shows why a track failed, with its code, and retries it', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' });
    renderWithFake('#/downloads', fake);
    await screen.findByRole('heading', { level: 3, name: LOW_TIDE });
    act(() => fake.failJob(103, 'CHECKSUM_MISMATCH', 'sha256 differs'));
    await waitFor(() =>
      expect(within(groupItem(LOW_TIDE)).getByTestId('group-summary').textContent).toBe(
        'Failed: The file arrived damaged twice. Nothing was filed; retry to download it again.',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: '4 tracks' }));
    const row = screen.getByRole('row', { name: /Salt Glass/ });
    expect(row.textContent).toContain('The file arrived damaged twice.');
    expect(within(row).getByText('CHECKSUM_MISMATCH')).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: 'Retry Salt Glass' }));
    expect(callsOf(fake, 'downloads.retry')).toEqual([{ ids: [103] }]);
    await waitFor(() =>
      expect(screen.getByRole('row', { name: /Salt Glass/ }).textContent).toContain('Queued'),
    );
    expect(screen.queryByText('CHECKSUM_MISMATCH')).toBeNull();
  });

  it('retries every failed track of an album at once', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' });
    renderWithFake('#/downloads', fake);
    await screen.findByRole('heading', { level: 3, name: LOW_TIDE });
    act(() => {
      fake.failJob(101, 'NETWORK', 'socket hang up');
      fake.failJob(104, 'DISK_FULL', 'ENOSPC');
    });
    await userEvent.click(await screen.findByRole('button', { name: `Retry failed tracks of ${LOW_TIDE}` }));
    expect(callsOf(fake, 'downloads.retry')).toEqual([{ ids: [101, 104] }]);
  });

  it('marks an album filed into the library, with a link to it', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' });
    renderWithFake('#/downloads', fake);
    await screen.findByRole('heading', { level: 3, name: LOW_TIDE });
    act(() => fake.advance(1e9));
    const link = await screen.findByRole('link', { name: 'In your library' });
    const id = fake.state.library[0]!.id;
    await waitFor(() => expect(link.getAttribute('href')).toBe(`#/library/album/${id}`));
    expect(link.closest('section')!.querySelector('h2')!.textContent).toContain('Finished');
    expect(screen.getByText('Nothing downloading. Buy an album in the Store.')).toBeTruthy();
  });

  it('lists finished albums newest first, the latest ten unless asked for all', async () => {
    const fake = await queued(
      ...Array.from({ length: 12 }, () => ({ albumId: 2, encoding: 'mp3-128' as const })),
    );
    for (const group of fake.state.groups) {
      for (const job of group.jobs) {
        job.state = 'done';
        job.bytesDone = job.bytesTotal!;
      }
    }
    renderWithFake('#/downloads', fake);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Finished' })).closest('section')!;
    const items = () =>
      [...section.querySelectorAll('li[data-purchase-id]')].map((li) => li.getAttribute('data-purchase-id'));
    expect(items()).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3']);
    await userEvent.click(within(section).getByRole('button', { name: 'Show all 12 finished' }));
    expect(items()).toHaveLength(12);
    expect(screen.queryByRole('heading', { level: 2, name: 'Queue' })).toBeNull();
  });

  it('fetches the list again on queue events, once per burst', async () => {
    const fake = await queued({ albumId: 1, encoding: 'mp3-v0' });
    renderWithFake('#/downloads', fake);
    await screen.findByRole('heading', { level: 3, name: LOW_TIDE });
    // Bought elsewhere (the CLI, another window): the fake announces queue-changed.
    await act(() => fake.client()['store.buy']({ albumId: 2, encoding: 'flac' }));
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Marble Arcade — Neon Cartography' }),
    ).toBeTruthy();

    await new Promise((r) => setTimeout(r, 300));
    const before = callsOf(fake, 'downloads.list').length;
    act(() => {
      for (const job of fake.state.groups[0]!.jobs) fake.emit({ name: 'job-state', payload: { job } });
    });
    await waitFor(() => expect(callsOf(fake, 'downloads.list').length).toBe(before + 1));
    await new Promise((r) => setTimeout(r, 300));
    expect(callsOf(fake, 'downloads.list').length).toBe(before + 1);
  });
});
