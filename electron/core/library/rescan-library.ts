// Reconciles the index with the disk: finds moved files by their hash and marks the rest missing.
import { join } from 'node:path';
import { hashFile } from './hash-file.ts';
import type { LibraryIndex } from './library-index.ts';
import type { LibraryFile, RescanReport } from './library-types.ts';
import { requireRoot } from './resolve-in-library.ts';
import { pathKey } from './unique-path.ts';
import { type FoundFile, walkLibrary } from './walk-library.ts';

export async function rescanLibrary(index: LibraryIndex, root: string): Promise<RescanReport> {
  const realRoot = await requireRoot(root);
  const absolute = (rel: string) => join(realRoot, ...rel.split('/'));
  const onDisk = await walkLibrary(realRoot);
  const byExactPath = new Map(onDisk.map((f) => [f.path, f]));
  const byKey = new Map(onDisk.map((f) => [pathKey(f.path), f]));
  const claimed = new Set<FoundFile>();
  const lost: LibraryFile[] = [];

  for (const file of index.files()) {
    // On a case-insensitive disk the walk reports the real spelling; the index follows it.
    const found = byExactPath.get(file.path) ?? byKey.get(pathKey(file.path));
    if (!found) {
      lost.push(file);
      continue;
    }
    claimed.add(found);
    if (found.path !== file.path) index.setPath(file.id, found.path, file.status);
    if (file.status === 'missing') {
      const intact = found.bytes === file.bytes && (await hashFile(absolute(found.path))) === file.sha256;
      index.setStatus(file.id, intact ? 'ok' : 'changed', new Date().toISOString());
    }
  }

  // Only files whose size matches a lost one can match its hash: the rest need not be read.
  const lostSizes = new Set(lost.map((f) => f.bytes));
  const candidates = new Map<string, FoundFile[]>();
  for (const found of onDisk) {
    if (claimed.has(found) || !lostSizes.has(found.bytes)) continue;
    const sha = await hashFile(absolute(found.path));
    candidates.set(sha, [...(candidates.get(sha) ?? []), found]);
  }

  const report: RescanReport = { relinked: [], missing: [], unknown: [] };
  for (const file of lost) {
    const match = candidates.get(file.sha256)?.find((f) => !claimed.has(f) && !index.byPath(f.path));
    if (match) {
      claimed.add(match);
      index.setPath(file.id, match.path, 'ok');
      index.setStatus(file.id, 'ok', new Date().toISOString());
      report.relinked.push({ file: index.get(file.id)!, from: file.path });
    } else {
      if (file.status !== 'missing') index.markMissing(file.id);
      report.missing.push(index.get(file.id)!);
    }
  }
  report.unknown = onDisk.filter((f) => !claimed.has(f)).map((f) => f.path);
  return report;
}
