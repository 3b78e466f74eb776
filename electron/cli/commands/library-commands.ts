// library [verify | rescan | redownload | reorganize [--dry-run]]: the offline library.

import { withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { EXIT } from '../context/exit-codes.ts';
import { formatMb, formatWhen, table } from '../render/format.ts';
import { saleMark } from '../render/sale-text.ts';

/** The reason plan-reorganize gives for a file it cannot move (a fixed phrase of the core's). */
const NOT_ON_DISK = 'not on disk';

export const library = (argv: string[]) =>
  withContext(
    argv,
    { 'dry-run': { type: 'boolean', default: false } },
    async ({ engine, positionals, values, print, i18n }) => {
      const [sub] = positionals;
      const root = engine.libraryRoot();
      switch (sub) {
        case undefined: {
          // The store's word on each album when it answers; else the last one, kept in the profile.
          const sale = await engine.libraryAvailability();
          const known = new Map(sale.items.map((i) => [i.albumId, i]));
          const albums = engine.library.list().map((a) => ({ ...a, availability: known.get(a.id) ?? null }));
          const marked = albums.some((a) => saleMark(i18n, a.availability) !== '');
          print({ root, albums, availabilityProblem: sale.problem }, () => {
            if (albums.length === 0) return i18n.t('cli.library.empty', { root });
            const rows = [
              [
                i18n.t('cli.library.album'),
                i18n.t('cli.library.year'),
                i18n.t('cli.library.tracks'),
                i18n.t('cli.library.encodings'),
                i18n.t('cli.library.size'),
                ...(marked ? [i18n.t('cli.library.store')] : []),
              ],
            ];
            let totalBytes = 0;
            let totalTracks = 0;
            for (const a of albums) {
              const bytes = a.tracks.flatMap((t) => t.files).reduce((sum, f) => sum + f.bytes, 0);
              totalBytes += bytes;
              totalTracks += a.tracks.length;
              rows.push([
                `${a.albumArtist} — ${a.title}`,
                String(a.year ?? ''),
                String(a.tracks.length),
                a.encodings.join(', '),
                formatMb(i18n, bytes),
                ...(marked ? [saleMark(i18n, a.availability)] : []),
              ]);
            }
            const summary = i18n.t('cli.library.summary', {
              albums: albums.length,
              tracks: totalTracks,
              size: formatMb(i18n, totalBytes),
              root,
            });
            const lines = [table(rows, [2, 4]), summary];
            if (sale.problem?.code === 'STORE_UNREACHABLE' && sale.items.length > 0) {
              const asOf = sale.items.map((i) => i.checkedAt).sort()[0]!;
              lines.push(i18n.t('cli.library.storeUnreachable', { when: formatWhen(i18n, asOf) }));
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
                i18n.t('cli.verify.summary', {
                  ok: report.ok.length,
                  missing: report.missing.length,
                  changed: report.changed.length,
                }),
                ...report.missing.map((f) => i18n.t('cli.verify.missing', { path: f.path })),
                ...report.changed.map((f) => i18n.t('cli.verify.changed', { path: f.path })),
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
                i18n.t('cli.rescan.summary', {
                  moved: r.relinked.length,
                  missing: r.missing.length,
                  unknown: r.unknown.length,
                }),
                ...r.relinked.map((x) => i18n.t('cli.rescan.found', { from: x.from, to: x.file.path })),
                ...r.missing.map((f) => i18n.t('cli.rescan.missing', { path: f.path })),
              ].join('\n'),
          );
          return 0;
        }
        case 'redownload': {
          const { requeued, withdrawn, summary } = await engine.libraryRedownload();
          print({ requeued, withdrawn, summary }, () =>
            [
              requeued.length === 0 && withdrawn.length === 0
                ? i18n.t('cli.redownload.nothing')
                : requeued.length > 0
                  ? i18n.t('cli.redownload.done', {
                      files: requeued.length,
                      done: summary?.done ?? 0,
                      failed: summary?.failed ?? 0,
                    })
                  : '',
              withdrawn.length > 0 ? i18n.t('cli.redownload.withdrawn', { files: withdrawn.length }) : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
          if (summary && summary.failed > 0) return EXIT.failed;
          return withdrawn.length > 0 ? EXIT.redownloadWithdrawn : EXIT.ok;
        }
        case 'reorganize': {
          const dryRun = values['dry-run'] === true;
          const reorganizeSummary = (wouldOnly: boolean, files: number, skipped: number) =>
            skipped > 0
              ? i18n.t(wouldOnly ? 'cli.reorganize.wouldMoveSkipped' : 'cli.reorganize.movedSkipped', {
                  files,
                  skipped,
                })
              : i18n.t(wouldOnly ? 'cli.reorganize.wouldMove' : 'cli.reorganize.moved', { files });
          const r = await engine.libraryReorganize(dryRun);
          print(r, () =>
            [
              reorganizeSummary(dryRun, r.moves.length, r.skipped.length),
              ...r.moves.map((m) => i18n.t('cli.reorganize.move', { from: m.from, to: m.to })),
              ...r.skipped.map((s) =>
                i18n.t('cli.reorganize.skipped', {
                  path: s.path,
                  reason: s.reason === NOT_ON_DISK ? i18n.t('cli.reorganize.notOnDisk') : s.reason,
                }),
              ),
            ].join('\n'),
          );
          return 0;
        }
        default:
          throw new CliError('INVALID_ARGUMENT', i18n.t('cli.library.unknownCommand', { command: sub }));
      }
    },
  );
