// The demo catalog's legacy-tagged album: its masters get Windows-1251 tags the way an old Windows tagger
// wrote them, and the album is then read back through the folder importer, whose CP1251 repair has to
// turn the mojibake into the right Cyrillic; the catalog shows what the importer read.

import type { DemoAlbum, DemoTrack } from './demo-definition.ts';
import { addLegacyTags, appendLegacyId3v1, type LegacyTags } from './legacy-id3.ts';
import { scanMasters } from './scan-masters.ts';
import type { AlbumInput, LoudnessInfo } from './types.ts';

export interface LegacyTrackInput {
  album: DemoAlbum;
  track: DemoTrack;
  trackNumber: number;
  albumArtist: string;
}

function legacyTagsOf({ album, track, trackNumber, albumArtist }: LegacyTrackInput): LegacyTags {
  return {
    charset: 'cp1251',
    title: track.title,
    artist: albumArtist,
    albumArtist,
    album: album.title,
    track: trackNumber,
    year: album.releaseDate.slice(0, 4),
    // One TCON text, split again on ";" by the importer, as Vorbis comments are.
    genre: album.genres.join('; '),
    ...(album.label ? { label: album.label } : {}),
    ...(track.isrc ? { isrc: track.isrc } : {}),
  };
}

/** Tags a rendered master (a WAV for ID3v2.3, a FLAC for ID3v1; see masterFormat) in Windows-1251. */
export async function writeLegacyTags(path: string, input: LegacyTrackInput): Promise<void> {
  const tags = legacyTagsOf(input);
  if ((input.track.legacyTag ?? 'id3v2.3') === 'id3v1') await appendLegacyId3v1(path, tags);
  else await addLegacyTags(path, tags, { v1: false });
}

/**
 * Reads a legacy-tagged album folder back the way `megadisc server import` would (tag encoding auto)
 * and completes it with what tags do not carry: the loudness measured while rendering, the UPC and the
 * opening sales. A reading that disagrees with the definition is reported, not hidden.
 */
export async function importLegacyAlbum(
  dir: string,
  album: DemoAlbum,
  albumArtist: string,
  loudnessByPath: Map<string, LoudnessInfo>,
  progress: (msg: string) => void,
): Promise<AlbumInput> {
  // No loudness pass: rendering measured every track already. Embedded covers (there are none) would
  // be extracted under the album's own folder rather than a temp dir nobody removes.
  const report = await scanMasters(dir, { measureLoudness: false, workDir: dir, tagEncoding: 'auto' });
  const [imported, ...others] = report.albums;
  if (!imported || others.length > 0 || report.skipped.length > 0) {
    const found = report.albums.map((a) => `"${a.title}"`).join(', ') || 'none';
    const skipped = report.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ');
    throw new Error(
      `Demo album "${album.title}" did not import as one album from its legacy tags (albums: ${found}${skipped ? `; skipped ${skipped}` : ''})`,
    );
  }
  const expected = [album.title, albumArtist, ...album.discs.flatMap((d) => d.tracks.map((t) => t.title))];
  const read = [imported.title, imported.albumArtist, ...imported.tracks.map((t) => t.title)];
  if (read.join('\n') !== expected.join('\n'))
    progress(`warning: the legacy tags of "${album.title}" read back as ${JSON.stringify(read)}`);
  return {
    ...imported,
    tracks: imported.tracks.map((track) => {
      const loudness = loudnessByPath.get(track.master.path);
      return loudness ? { ...track, loudness } : track;
    }),
    ...(album.upc ? { upc: album.upc } : {}),
    ...(album.initialSales !== undefined ? { initialSales: album.initialSales } : {}),
  };
}
