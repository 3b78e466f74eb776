// Builds the ffmpeg argument list that renders one demo track recipe into a tagged FLAC master (or, for a
// legacy-tagged album, an untagged WAV or FLAC that demo-legacy-tags.ts then tags the old way).
import type { DemoAlbum, DemoTrack } from './demo-definition.ts';
import { fxFilters, layerChains } from './demo-generators.ts';

export interface TrackJobInput {
  album: DemoAlbum;
  track: DemoTrack;
  discNumber: number;
  trackNumber: number;
  seconds: number;
  albumArtist: string;
  trackArtists: string[];
  outPath: string;
}

/** Seconds of fade at each end: long enough to feel intentional, never more than a fraction of a short test track. */
function fades(seconds: number): { fadeIn: number; fadeOut: number } {
  return { fadeIn: Math.min(1.5, seconds * 0.1), fadeOut: Math.min(4, seconds * 0.15) };
}

export function trackFilterGraph(
  track: DemoTrack,
  sampleRate: number,
  bits: 16 | 24,
  seconds: number,
): string {
  const samples = Math.round(seconds * sampleRate);
  const chains = track.layers.flatMap((layer, i) => layerChains(layer, { sampleRate, samples, id: `L${i}` }));
  const labels = track.layers.map((_, i) => `[L${i}]`).join('');
  const { fadeIn, fadeOut } = fades(seconds);
  const master = [
    `amix=inputs=${track.layers.length}:normalize=0:duration=longest`,
    ...fxFilters(track.fx, sampleRate),
    // Echo and chorus tails would run past the end; trim to the exact sample count the catalog expects.
    `atrim=end_sample=${samples}`,
    `afade=t=in:d=${fadeIn.toFixed(3)}`,
    `afade=t=out:st=${(seconds - fadeOut).toFixed(3)}:d=${fadeOut.toFixed(3)}`,
    // A safety limiter (auto-level off so loudness still differs per track) keeps layered peaks from clipping.
    'alimiter=limit=0.97:level=0:attack=2:release=80',
    `aformat=sample_fmts=${bits === 24 ? 's32' : 's16'}:sample_rates=${sampleRate}:channel_layouts=stereo`,
  ];
  // The meter taps the final quantised samples, so it reads exactly what a later decode of the FLAC would.
  master.push('asplit=2[out][meter]');
  return [
    ...chains,
    `${labels}${master.join(',')}`,
    '[meter]ebur128=peak=sample:framelog=verbose,anullsink',
  ].join(';');
}

/** The master's container: FLAC, except in a legacy-tagged album, where ID3v2.3 went into WAV files. */
export function masterFormat(album: DemoAlbum, track: DemoTrack): 'flac' | 'wav' {
  return album.legacyTags && (track.legacyTag ?? 'id3v2.3') === 'id3v2.3' ? 'wav' : 'flac';
}

/** Vorbis comments for a FLAC master; none for a legacy-tagged album, whose tags are written afterwards. */
function metadataArgs(input: TrackJobInput): string[] {
  const { album, track } = input;
  // bitexact: no encoder tag of ffmpeg's own (a RIFF INFO chunk, a Vorbis comment) beside the legacy tags.
  if (album.legacyTags) return ['-fflags', '+bitexact'];
  const totalTracks = album.discs[input.discNumber - 1]?.tracks.length ?? 0;
  const tags: Record<string, string | undefined> = {
    title: track.title,
    // Vorbis comments via ffmpeg hold one value per key, so multiple artists are joined the way music-metadata joins them.
    artist: (input.trackArtists.length > 0 ? input.trackArtists : [input.albumArtist]).join(' & '),
    album_artist: input.albumArtist,
    album: album.title,
    date: album.releaseDate,
    genre: album.genres.join('; '),
    LABEL: album.label,
    BARCODE: album.upc,
    ISRC: track.isrc,
    track: `${input.trackNumber}/${totalTracks}`,
    disc: `${input.discNumber}/${album.discs.length}`,
  };
  return Object.entries(tags).flatMap(([key, value]) => (value ? ['-metadata', `${key}=${value}`] : []));
}

export function trackJobArgs(input: TrackJobInput): string[] {
  const { album, track } = input;
  const format = masterFormat(album, track);
  const codec =
    format === 'flac'
      ? ['-c:a', 'flac', '-compression_level', '5']
      : ['-c:a', `pcm_s${album.bitsPerSample}le`];
  return [
    '-nostdin',
    '-hide_banner',
    // Info level, because that is where ebur128 prints the loudness summary we parse.
    '-v',
    'info',
    '-nostats',
    '-filter_complex',
    trackFilterGraph(track, album.sampleRate, album.bitsPerSample, input.seconds),
    '-map',
    '[out]',
    ...metadataArgs(input),
    ...codec,
    '-f',
    format,
    '-y',
    input.outPath,
  ];
}
