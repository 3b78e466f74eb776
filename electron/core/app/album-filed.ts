// Announces a purchase once all its tracks are in the library: the `album-filed` event and an OS
// notification where the host has one, in the app's language at that moment.
import { type Locale, resolveLocale } from '../../../i18n/locales.ts';
import { translator } from '../../../i18n/translator.ts';
import type { Engine } from '../create-engine.ts';
import { findPurchase } from '../purchases/purchase-records.ts';
import type { AppHostPorts } from './app-host.ts';

export type AlbumFiledPorts = Pick<AppHostPorts, 'notify' | 'preferredLanguages'>;

/** The notification's title and body for an album, in a locale. */
export function albumFiledNotice(
  locale: Locale,
  album: { artistName: string; albumTitle: string },
): { title: string; body: string } {
  const i18n = translator(locale);
  return {
    title: i18n.t('core.albumFiled.title'),
    body: i18n.t('core.albumFiled.body', { artist: album.artistName, album: album.albumTitle }),
  };
}

export function albumFiled(engine: Engine, ports: AlbumFiledPorts = {}): () => void {
  const announced = new Set<number>();
  return engine.events.on('job-state', ({ job }) => {
    if (job.state !== 'done' || announced.has(job.purchaseId)) return;
    // Cancelled tracks are not waited for: the album is as complete as it is going to get.
    const progress = engine.jobs.purchaseProgress(job.purchaseId);
    if (progress.open > 0 || progress.done === 0) return;
    const purchase = findPurchase(engine.db, job.purchaseId);
    if (!purchase) return;
    announced.add(job.purchaseId);
    engine.events.emit('album-filed', {
      purchaseId: job.purchaseId,
      albumTitle: purchase.album_title,
      artistName: purchase.artist_name,
      tracks: progress.done,
    });
    if (!ports.notify) return;
    try {
      // Read now, not at start-up: a language changed in Settings applies to the next notice.
      const locale = resolveLocale(engine.settings.get().language, ports.preferredLanguages?.() ?? []);
      const { title, body } = albumFiledNotice(locale, {
        artistName: purchase.artist_name,
        albumTitle: purchase.album_title,
      });
      ports.notify(title, body);
    } catch {
      // A notification that cannot be shown is no reason to disturb the download.
    }
  });
}
