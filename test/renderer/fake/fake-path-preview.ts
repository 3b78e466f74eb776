// settings.previewPath for the fake: a small stand-in for the core's template parser that knows the
// same fields and refuses the common mistakes with the same kind of message.
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { PathPreview } from '../../../electron/shared/app-api/views.ts';
import { MegadiscError } from '../../../electron/shared/errors.ts';

type Sample = Record<string, string>;

const SAMPLES: Sample[] = [
  { albumartist: 'The Quiet Orchard', artist: 'The Quiet Orchard', album: 'Low Light', title: 'Lanterns' },
  { albumartist: 'Mira Vale', artist: 'Mira Vale', album: 'Tidal Archive', title: 'Second Wind' },
].map((s, i) => ({
  ...s,
  track: i === 0 ? '3' : '7',
  tracktotal: i === 0 ? '10' : '9',
  disc: i === 0 ? '' : '2',
  disctotal: i === 0 ? '' : '2',
  year: i === 0 ? '2021' : '2019',
  date: i === 0 ? '2021-04-09' : '2019-01-01',
  genre: 'Indie',
  label: 'Megadisc Demo',
  isrc: '',
}));
const FIELDS = [...Object.keys(SAMPLES[0]!), 'encoding', 'codec', 'ext'];
const NUMERIC = new Set(['track', 'tracktotal', 'disc', 'disctotal', 'year']);

function fail(template: string, at: number, why: string): never {
  throw new MegadiscError(
    'INVALID_ARGUMENT',
    `path template ${JSON.stringify(template)}, at ${at + 1}: ${why}`,
  );
}

function field(template: string, at: number, spec: string, values: Sample): string | null {
  const [rawName = '', format] = spec.split(':');
  const name = rawName.trim().toLowerCase();
  if (!FIELDS.includes(name))
    fail(template, at, `unknown field {${rawName}}; fields are ${FIELDS.join(', ')}`);
  const value = values[name] ?? '';
  if (format === undefined) return value || null;
  const pad = /^0([1-9])$/.exec(format);
  if (pad && !NUMERIC.has(name)) fail(template, at, `{${name}} is not a number and cannot be zero-padded`);
  if (pad) return value ? value.padStart(Number(pad[1]), '0') : null;
  if (format === 'upper') return value.toUpperCase() || null;
  if (format === 'lower') return value.toLowerCase() || null;
  if (format === 'initial') return value.slice(0, 1).toUpperCase() || null;
  return fail(template, at, `unknown format "${format}" (use 02…09, upper, lower or initial)`);
}

function render(template: string, values: Sample): string {
  let out = '';
  let optional: { text: string; absent: boolean; at: number } | null = null;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    let piece = ch;
    if ((ch === '{' || ch === '}') && template[i + 1] === ch) i++;
    else if (ch === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) fail(template, i, 'unclosed "{"');
      const value = field(template, i, template.slice(i + 1, close), values);
      if (value === null && optional) optional.absent = true;
      piece = value ?? '';
      i = close;
    } else if (ch === '}') fail(template, i, 'unmatched "}" (write "}}" for a literal brace)');
    else if (ch === '\\') fail(template, i, 'use "/" between folders');
    else if (ch === '<') {
      if (optional) fail(template, i, 'optional segments do not nest');
      optional = { text: '', absent: false, at: i };
      continue;
    } else if (ch === '>') {
      if (!optional) fail(template, i, 'unmatched ">"');
      if (!optional.absent) out += optional.text;
      optional = null;
      continue;
    }
    if (optional) optional.text += piece;
    else out += piece;
  }
  if (optional) fail(template, optional.at, 'unclosed "<"');
  return out;
}

export function fakePreviewPaths(template: string, encoding: EncodingId): PathPreview {
  if (!template.trim()) fail(template, 0, 'empty');
  if (/(^\/|\/\/|\/$)/.test(template)) {
    fail(template, template.search(/(^\/|\/\/|\/$)/), 'empty folder name (leading, trailing or doubled "/")');
  }
  const ext = ENCODINGS[encoding].extension;
  const examples = SAMPLES.map((s) => {
    const path = render(template, { ...s, encoding, codec: ENCODINGS[encoding].codec, ext });
    return path.endsWith(`.${ext}`) ? path : `${path}.${ext}`;
  });
  return { examples };
}
