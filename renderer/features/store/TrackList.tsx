// An album's tracks, disc by disc, each with a checkbox: the selection the prices are for. Without a
// selection (an album not for sale), just the tracks. A preview button per track while the album is
// on sale (the store has no preview of a withdrawn one); a track taken down on its own is listed,
// marked, and cannot be chosen.
import { useEffect } from 'react';
import type { Album } from '../../../api/schemas/catalog.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { formatDuration } from '../../components/format.ts';
import { PreviewButton } from '../previews/PreviewButton.tsx';
import { stopPreviews } from '../previews/use-preview.ts';
import type { TrackSelection } from './use-track-selection.ts';

export function TrackList({
  album,
  selection,
  previews = true,
}: {
  album: Album;
  selection?: TrackSelection;
  previews?: boolean;
}) {
  const i18n = useI18n();
  useEffect(() => stopPreviews, []);
  const multiDisc = album.discs.length > 1;
  return (
    <section className="store-tracklist" aria-labelledby="store-tracks-title">
      <div className="store-section-head">
        <h2 id="store-tracks-title">{i18n.t('store.tracks.title')}</h2>
        {selection ? <SelectionControls selection={selection} /> : null}
      </div>
      {album.discs.map((disc) => (
        <div key={disc.number} className="store-disc">
          {multiDisc ? <h3>{i18n.t('store.tracks.disc', { number: disc.number })}</h3> : null}
          <table className="table store-tracks">
            <caption className="visually-hidden">
              {multiDisc
                ? i18n.t('store.tracks.discCaption', { number: disc.number })
                : i18n.t('store.tracks.title')}
            </caption>
            <thead>
              <tr>
                {selection ? (
                  <th scope="col" className="store-col-check">
                    <span className="visually-hidden">{i18n.t('store.tracks.colBuy')}</span>
                  </th>
                ) : null}
                <th scope="col" className="num store-col-num">
                  {i18n.t('store.tracks.colNumber')}
                </th>
                <th scope="col" className="store-col-title">
                  {i18n.t('store.tracks.colTitle')}
                </th>
                <th scope="col">{i18n.t('store.tracks.colArtist')}</th>
                <th scope="col" className="num store-col-length">
                  {i18n.t('store.tracks.colLength')}
                </th>
              </tr>
            </thead>
            <tbody>
              {disc.tracks.map((track) => {
                const withdrawn = track.withdrawn === true;
                const checked = !withdrawn && (selection?.selected.has(track.id) ?? true);
                return (
                  <tr key={track.id} className={checked ? undefined : 'store-track-off'}>
                    {selection ? (
                      <td className="store-col-check">
                        <input
                          type="checkbox"
                          checked={checked}
                          disabled={withdrawn}
                          onChange={() => selection.toggle(track.id)}
                          aria-label={i18n.t('store.tracks.buyTrack', { title: track.title })}
                        />
                      </td>
                    ) : null}
                    <td className="num store-col-num">{track.trackNumber}</td>
                    <td>
                      {previews && !withdrawn ? (
                        <span className="preview-title">
                          <PreviewButton trackId={track.id} title={track.title} />
                          {track.title}
                        </span>
                      ) : (
                        track.title
                      )}
                      {withdrawn ? (
                        <span className="tag tag-warn store-track-withdrawn">
                          {i18n.t('store.tracks.withdrawn')}
                        </span>
                      ) : null}
                    </td>
                    <td className="muted">{track.artists.map((a) => a.name).join(', ')}</td>
                    <td className="num">{formatDuration(track.durationMs)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function SelectionControls({ selection }: { selection: TrackSelection }) {
  const i18n = useI18n();
  const count = selection.selected.size;
  return (
    <>
      <span className="muted" aria-live="polite">
        {count === selection.total
          ? i18n.t('store.tracks.allSelected', { count })
          : i18n.t('store.tracks.someSelected', { count, total: selection.total })}
      </span>
      <span className="store-section-actions">
        <button
          type="button"
          className="button"
          onClick={selection.selectAll}
          disabled={selection.allSelected}
        >
          {i18n.t('store.tracks.selectAll')}
        </button>
        <button type="button" className="button" onClick={selection.selectNone} disabled={count === 0}>
          {i18n.t('store.tracks.selectNone')}
        </button>
      </span>
    </>
  );
}
