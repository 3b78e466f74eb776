// The downloads screen's model: jobs grouped by purchase, groups in queue order, purchases that
// have no jobs yet (being ordered, or refused) after them.
import type { JobView } from '../../shared/app-api/domain.ts';
import type { DownloadGroup, DownloadsView } from '../../shared/app-api/views.ts';
import type { Engine } from '../create-engine.ts';
import { listPurchaseSummaries, type PurchaseSummary } from '../purchases/purchase-records.ts';

function groupOf(p: PurchaseSummary): DownloadGroup {
  return {
    purchaseId: p.id,
    albumId: p.album_id,
    albumTitle: p.album_title,
    artistName: p.artist_name,
    encoding: p.encoding,
    purchaseState: p.state,
    error: p.error_code ? { code: p.error_code, message: p.error_message ?? '' } : null,
    bytesDone: 0,
    bytesTotal: 0,
    jobs: [],
  };
}

function add(group: DownloadGroup, job: JobView): void {
  group.jobs.push(job);
  // A cancelled track will not be fetched: it counts toward neither figure.
  if (job.state === 'cancelled') return;
  group.bytesDone += job.bytesDone;
  group.bytesTotal =
    group.bytesTotal === null || job.bytesTotal === null ? null : group.bytesTotal + job.bytesTotal;
}

export function downloadsView(engine: Engine, running: boolean): DownloadsView {
  const purchases = listPurchaseSummaries(engine.db);
  const byId = new Map(purchases.map((p) => [p.id, p]));
  // Jobs arrive in queue order, so a purchase's first job seen is its earliest place in the queue.
  const groups = new Map<number, DownloadGroup>();
  for (const job of engine.jobs.views()) {
    let group = groups.get(job.purchaseId);
    if (!group) {
      const purchase = byId.get(job.purchaseId);
      if (!purchase) continue;
      group = groupOf(purchase);
      groups.set(job.purchaseId, group);
    }
    add(group, job);
  }
  const withoutJobs = purchases.filter((p) => !groups.has(p.id)).map(groupOf);
  for (const g of withoutJobs) g.bytesTotal = null;
  return { groups: [...groups.values(), ...withoutJobs], running };
}
