// library [verify | rescan | redownload | reorganize [--dry-run]]: the offline library.
import { MegadiscError } from '../../shared/errors.ts';
import { withContext } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { formatMb, table } from '../render/format.ts';
import { saleMark } from '../render/sale-text.ts';

export const library = (argv: string[]) =>
  withContext(
    argv,
    { 'dry-run': { type: 'boolean', default: false } },
    async ({ engine, positionals, values, print }) => {
      const [sub] = positionals;
      const root = engine.libraryRoot();
      switch (sub) {
        case undefined: {
          // The store's word on each album when it answers; else the last one, kept in the profile.
          const sale = await engine.libraryAvailability();
          const known = new Map(sale.items.map((i) => [i.albumId, i]));
          const albums = engine.library.list().map((a) => ({ ...a, availability: known.get(a.id) ?? null }));
          const marked = albums.some((a) => saleMark(a.availability) !== '');
          print({ root, albums, availabilityProblem: sale.problem }, () => {
            if (albums.length === 0) return `the library at ${root} is empty`;
            const rows = [['album', 'year', 'tracks', 'encodings', 'size', ...(marked ? ['store'] : [])]];
            for (const a of albums) {
              const bytes = a.tracks.flatMap((t) => t.files).reduce((sum, f) => sum + f.bytes, 0);
              rows.push([
                `${a.albumArtist} — ${a.title}`,
                String(a.year ?? ''),
                String(a.tracks.length),
                a.encodings.join(', '),
                formatMb(bytes),
                ...(marked ? [saleMark(a.availability)] : []),
              ]);
            }
            const lines = [table(rows, [2, 4]), root];
            if (sale.problem?.code === 'STORE_UNREACHABLE' && sale.items.length > 0) {
              const asOf = sale.items.map((i) => i.checkedAt).sort()[0]!;
              lines.push(`store unreachable: what it sells is as of ${asOf.slice(0, 19).replace('T', ' ')}`);
            }
            return lines.join('\n');
          });
          return 0;
        }
        case 'verify': {
          const report = await engine.libraryVerify();
          print(
            {
              ok: report.ok.length,
              missing: report.missing.map((f) => f.path),
              changed: report.changed.map((f) => f.path),
            },
            () =>
              [
                `${report.ok.length} ok, ${report.missing.length} missing, ${report.changed.length} changed`,
                ...report.missing.map((f) => `missing: ${f.path}`),
                ...report.changed.map((f) => `changed: ${f.path}`),
              ].join('\n'),
          );
          return report.missing.length + report.changed.length > 0 ? 1 : 0;
        }
        case 'rescan': {
          const r = await engine.libraryRescan();
          print(
            {
              relinked: r.relinked.map((x) => ({ from: x.from, to: x.file.path })),
              missing: r.missing.map((f) => f.path),
              unknown: r.unknown,
            },
            () =>
              [
                `${r.relinked.length} moved file(s) found again, ${r.missing.length} still missing, ${r.unknown.length} unknown file(s)`,
                ...r.relinked.map((x) => `found: ${x.from} -> ${x.file.path}`),
                ...r.missing.map((f) => `missing: ${f.path}`),
              ].join('\n'),
          );
          return 0;
        }
        case 'redownload': {
          const { requeued, withdrawn, summary } = await engine.libraryRedownload();
          print({ requeued, withdrawn, summary }, () =>
            [
              requeued.length === 0 && withdrawn.length === 0
                ? 'nothing is missing'
                : requeued.length > 0
                  ? `downloaded ${requeued.length} missing file(s) again at no charge: ${summary?.done ?? 0} done, ${summary?.failed ?? 0} failed`
                  : '',
              withdrawn.length > 0
                ? `${withdrawn.length} missing file(s) of taken-down releases: the store withdrew re-downloads`
                : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
          if (summary && summary.failed > 0) return EXIT.failed;
          return withdrawn.length > 0 ? EXIT.redownloadWithdrawn : EXIT.ok;
        }
        case 'reorganize': {
          const dryRun = values['dry-run'] === true;
          const r = await engine.libraryReorganize(dryRun);
          print(r, () =>
            [
              `${dryRun ? 'would move' : 'moved'} ${r.moves.length} file(s)${r.skipped.length ? `, skipped ${r.skipped.length}` : ''}`,
              ...r.moves.map((m) => `${m.from} -> ${m.to}`),
              ...r.skipped.map((s) => `skipped ${s.path}: ${s.reason}`),
            ].join('\n'),
          );
          return 0;
        }
        default:
          throw new MegadiscError(
            'INVALID_ARGUMENT',
            `unknown library command "${sub}"; try verify, rescan, redownload or reorganize`,
          );
      }
    },
  );
