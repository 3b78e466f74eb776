// Schema and loader for the demo catalog definition (resources/demo-catalog.json): artists, albums, synthesis recipes.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { issueText } from '../../../api/schemas/issue-text.ts';
import { ID3V1_FIELD_BYTES, isCp1251Encodable } from './legacy-id3.ts';

const noteName = /^[A-G](#|b)?[0-8]$/;
/** A pitch: scientific note name ("A4", "C#3", "Bb2") or a frequency in Hz. */
const Note = z.union([
  z.string().regex(noteName, 'note like "A4", "C#3" or "Bb2"'),
  z.number().min(20).max(16000),
]);
/** A step pattern over 16ths: "x" hits, anything else rests. */
const Pattern = z.string().regex(/^[x.-]{1,64}$/, 'pattern of "x" (hit) and "." (rest)');
const Rate = z.number().min(0.1).max(20);

const Fx = z.strictObject({
  lowpassHz: z.number().min(20).max(20000).optional(),
  highpassHz: z.number().min(20).max(20000).optional(),
  tremolo: z.strictObject({ hz: Rate, depth: z.number().min(0).max(1) }).optional(),
  vibrato: z.strictObject({ hz: Rate, depth: z.number().min(0).max(1) }).optional(),
  chorus: z.boolean().optional(),
  phaser: z.boolean().optional(),
  echo: z
    .strictObject({ delayMs: z.number().min(1).max(5000), decay: z.number().min(0).max(0.9) })
    .optional(),
});

const layerBase = { gainDb: z.number().min(-60).max(12).default(0), fx: Fx.optional() };

/** Sustained sine partials, slightly detuned between channels for width. */
const Chord = z.strictObject({
  type: z.literal('chord'),
  notes: z.array(Note).min(1).max(8),
  detuneHz: z.number().min(0).max(10).default(0.6),
  ...layerBase,
});
/** Like chord, with slow vibrato, chorus and echo built in. */
const Drone = z.strictObject({ type: z.literal('drone'), notes: z.array(Note).min(1).max(8), ...layerBase });
/** Arpeggio or melody: one note (or "-" rest) per step, plucked envelope, looped for the track length. */
const Sequence = z.strictObject({
  type: z.literal('sequence'),
  notes: z
    .array(z.union([Note, z.literal('-')]))
    .min(1)
    .max(64),
  bpm: z.number().min(30).max(300),
  stepsPerBeat: z.number().int().min(1).max(8).default(2),
  waveform: z.enum(['sine', 'triangle', 'square', 'saw']).default('sine'),
  decay: z.number().min(0).max(60).default(6),
  ...layerBase,
});
/** Coloured noise, decorrelated between channels. */
const Noise = z.strictObject({
  type: z.literal('noise'),
  color: z.enum(['white', 'pink', 'brown']),
  seed: z.number().int().min(0).max(1_000_000).default(1),
  ...layerBase,
});
/** One looped bar of synthetic kick/snare/hat at 16th-note steps. */
const Drums = z.strictObject({
  type: z.literal('drums'),
  bpm: z.number().min(30).max(300),
  kick: Pattern.optional(),
  snare: Pattern.optional(),
  hat: Pattern.optional(),
  kickHz: z.number().min(30).max(200).default(55),
  ...layerBase,
});

const Layer = z.discriminatedUnion('type', [Chord, Drone, Sequence, Noise, Drums]);

const Track = z.strictObject({
  title: z.string().min(1),
  /** Length before durationScale. */
  seconds: z.number().min(1).max(1800),
  /** Artist ids in credit order; omitted means the album artist. */
  artists: z.array(z.string()).optional(),
  /** A rights holder for this track other than the release's label (a licensed-in track). */
  rightsHolder: z.string().min(1).optional(),
  isrc: z
    .string()
    .regex(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/, 'ISRC like QZK6M2400001')
    .optional(),
  layers: z.array(Layer).min(1).max(8),
  fx: Fx.optional(),
  /**
   * In an album with legacyTags, how the old tagger tagged this master: "id3v2.3" (default) is a WAV
   * with an `id3 ` chunk whose ISO-8859-1 frames hold the legacy bytes; "id3v1" is a FLAC with only
   * an ID3v1 tag appended (title, artist, album, year and track number, 30 bytes each at most).
   */
  legacyTag: z.enum(['id3v2.3', 'id3v1']).optional(),
});

const Cover = z.strictObject({
  pattern: z.enum(['gradients', 'mandelbrot', 'cellauto', 'life', 'sierpinski']),
  /** #rrggbb colours; patterns use as many as they need (background first). */
  colors: z
    .array(z.string().regex(/^#[0-9a-fA-F]{6}$/))
    .min(2)
    .max(6),
  seed: z.number().int().min(0).max(4_000_000_000).default(1),
});

const Album = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'album id: lowercase letters, digits, dashes'),
  title: z.string().min(1),
  artist: z.string(),
  releaseDate: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
  /** UPC-A or EAN-13 barcode. */
  upc: z
    .string()
    .regex(/^\d{12,13}$/)
    .optional(),
  label: z.string().optional(),
  genres: z.array(z.string().min(1)).min(1),
  initialSales: z.number().int().min(0).optional(),
  sampleRate: z.union([z.literal(44100), z.literal(48000), z.literal(96000)]).default(44100),
  bitsPerSample: z.union([z.literal(16), z.literal(24)]).default(16),
  cover: Cover,
  discs: z.array(z.strictObject({ tracks: z.array(Track).min(1) })).min(1),
  /**
   * The masters carry tags an old Windows tagger wrote in this code page instead of Unicode, and the
   * catalog takes names, label, genres and year from reading them back through the folder importer
   * (which must recognise and repair them), not from this definition.
   */
  legacyTags: z.literal('cp1251').optional(),
});

const Definition = z
  .strictObject({
    artists: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1) })).min(1),
    albums: z.array(Album).min(1),
  })
  .superRefine((def, ctx) => {
    const ids = new Set(def.artists.map((a) => a.id));
    const albumIds = new Set<string>();
    def.albums.forEach((album, i) => {
      if (albumIds.has(album.id)) ctx.addIssue({ code: 'custom', message: `duplicate album id ${album.id}` });
      albumIds.add(album.id);
      const refs = [album.artist, ...album.discs.flatMap((d) => d.tracks.flatMap((t) => t.artists ?? []))];
      for (const ref of refs) {
        if (!ids.has(ref))
          ctx.addIssue({ code: 'custom', path: ['albums', i], message: `unknown artist id ${ref}` });
      }
      const artist = def.artists.find((a) => a.id === album.artist)?.name ?? '';
      for (const message of legacyTagProblems(album, artist))
        ctx.addIssue({ code: 'custom', path: ['albums', i], message });
    });
  });

/** What legacy tags cannot carry, for an album that is to be read back from them. */
function legacyTagProblems(album: z.output<typeof Album>, artist: string): string[] {
  const tracks = album.discs.flatMap((d) => d.tracks);
  if (!album.legacyTags) {
    return tracks.some((t) => t.legacyTag)
      ? ['legacyTag is only for tracks of an album with legacyTags']
      : [];
  }
  const problems: string[] = [];
  if (album.discs.length > 1)
    problems.push('an album with legacyTags has one disc (ID3v1 has no disc number)');
  if (!/^\d{4}$/.test(album.releaseDate))
    problems.push('an album with legacyTags has a release year only (ID3v1 and ID3v2.3 TYER hold a year)');
  if (!tracks.some((t) => (t.legacyTag ?? 'id3v2.3') === 'id3v2.3'))
    problems.push('an album with legacyTags needs an id3v2.3 track (ID3v1 has no label or genre text)');
  const texts = [artist, album.title, album.label ?? '', ...album.genres, ...tracks.map((t) => t.title)];
  for (const text of texts)
    if (!isCp1251Encodable(text)) problems.push(`"${text}" cannot be written in Windows-1251`);
  for (const track of tracks) {
    if (track.artists || track.rightsHolder)
      problems.push(`"${track.title}": legacy-tagged tracks are by the album artist, for the album's label`);
    if (track.legacyTag !== 'id3v1') continue;
    if (track.isrc) problems.push(`"${track.title}": ID3v1 has no ISRC`);
    for (const text of [track.title, album.title, artist])
      if ([...text].length > ID3V1_FIELD_BYTES)
        problems.push(`"${text}" is longer than an ID3v1 field (${ID3V1_FIELD_BYTES} bytes)`);
  }
  return problems;
}

/** What a definition author writes (defaults optional). */
export type DemoDefinition = z.input<typeof Definition>;
/** A validated definition with defaults filled in; what the synthesizer works from. */
export type ResolvedDemoDefinition = z.output<typeof Definition>;
export type DemoAlbum = ResolvedDemoDefinition['albums'][number];
export type DemoTrack = z.infer<typeof Track>;
export type DemoLayer = z.infer<typeof Layer>;
export type DemoFx = z.infer<typeof Fx>;
export type DemoNote = z.infer<typeof Note>;
export type DemoCover = z.infer<typeof Cover>;

export const DEFAULT_DEMO_DEFINITION = fileURLToPath(
  new URL('../../../resources/demo-catalog.json', import.meta.url),
);

/** Validates untrusted JSON (e.g. an edited definition) and fills defaults; throws with every problem listed. */
export function parseDemoDefinition(json: unknown): ResolvedDemoDefinition {
  const result = Definition.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => issueText(issue, '(root)'));
    throw new Error(`Invalid demo catalog definition:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

export async function loadDemoDefinition(
  path: string = DEFAULT_DEMO_DEFINITION,
): Promise<ResolvedDemoDefinition> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`Demo catalog definition ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseDemoDefinition(json);
}
