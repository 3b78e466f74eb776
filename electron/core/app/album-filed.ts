// Announces a purchase once all its tracks are in the library: the `album-filed` event and an OS
// notification where the host has one.
import type { Engine } from '../create-engine.ts';

export function albumFiled(engine: Engine, notify?: (title: string, body: string) => void): () => void {
  const announced = new Set<number>();
  return engine.events.on('job-state', ({ job }) => {
    if (job.state !== 'done' || announced.has(job.purchaseId)) return;
    // Cancelled tracks are not waited for: the album is as complete as it is going to get.
    const progress = engine.jobs.purchaseProgress(job.purchaseId);
    if (progress.open > 0 || progress.done === 0) return;
    const purchase = engine.db
      .prepare('SELECT album_title, artist_name FROM purchases WHERE id = ?')
      .get(job.purchaseId) as { album_title: string; artist_name: string } | undefined;
    if (!purchase) return;
    announced.add(job.purchaseId);
    engine.events.emit('album-filed', {
      purchaseId: job.purchaseId,
      albumTitle: purchase.album_title,
      artistName: purchase.artist_name,
      tracks: progress.done,
    });
    try {
      notify?.('Album added to your library', `${purchase.artist_name} — ${purchase.album_title}`);
    } catch {
      // A notification that cannot be shown is no reason to disturb the download.
    }
  });
}
