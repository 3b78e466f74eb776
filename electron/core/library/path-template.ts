// Parses and validates path templates: fields, formats, optional segments and folder separators.
import { MegadiscError } from '../../shared/errors.ts';
import { FIELD_NAMES, TEMPLATE_FIELDS } from './template-fields.ts';

/**
 * Syntax, kept small on purpose:
 * - `{field}` inserts a tag; `{field:02}` zero-pads a number; `{field:upper}`, `{field:lower}` and
 *   `{field:initial}` (first letter, upper-cased) change text; `{field:ascii}` spells it in plain
 *   ASCII (Cyrillic transliterated, accents dropped) for players that show only that. Names keep
 *   their own script by default. Field names are case-insensitive.
 * - `<…>` is an optional segment, dropped when any field inside it is absent (empty, or `disc` /
 *   `disctotal` on a single-disc album). `<` and `>` can never be part of a file name, so they are
 *   free to use as brackets. Optional segments do not nest and may contain `/`.
 * - `/` separates folders; `\` is refused so a template means the same on every OS.
 * - `{{` and `}}` are literal braces.
 * - The file always gets the encoding's extension: a trailing `.{ext}` is implied when missing.
 */
export const DEFAULT_TEMPLATE =
  '{albumartist}/<{year} - >{album} [{encoding}]/<{disc}->{track:02} {title}.{ext}';

export type FieldFormat = { pad: number } | 'upper' | 'lower' | 'initial' | 'ascii';

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'sep' }
  | { kind: 'field'; name: string; format: FieldFormat | null }
  | { kind: 'optional'; pieces: Piece[] };

export interface PathTemplate {
  source: string;
  /** The template without its trailing ".{ext}": the renderer adds the extension itself. */
  pieces: Piece[];
}

function fail(source: string, at: number, why: string): never {
  throw new MegadiscError(
    'INVALID_ARGUMENT',
    `path template ${JSON.stringify(source)}, at ${at + 1}: ${why}`,
  );
}

function parseFormat(source: string, at: number, name: string, spec: string): FieldFormat {
  if (spec === 'upper' || spec === 'lower' || spec === 'initial' || spec === 'ascii') return spec;
  const pad = /^0([1-9])$/.exec(spec);
  if (!pad) fail(source, at, `unknown format "${spec}" (use 02…09, upper, lower, initial or ascii)`);
  if (!TEMPLATE_FIELDS[name]!.numeric)
    fail(source, at, `{${name}} is not a number and cannot be zero-padded`);
  return { pad: Number(pad[1]) };
}

function parseField(source: string, open: number): { piece: Piece; end: number } {
  const close = source.indexOf('}', open);
  if (close < 0) fail(source, open, 'unclosed "{"');
  const [rawName, spec, ...extra] = source.slice(open + 1, close).split(':');
  const name = rawName!.trim().toLowerCase();
  if (!Object.hasOwn(TEMPLATE_FIELDS, name)) {
    fail(source, open, `unknown field {${rawName}}; fields are ${FIELD_NAMES.join(', ')}`);
  }
  if (extra.length > 0) fail(source, open, 'a field takes at most one format');
  const format = spec === undefined ? null : parseFormat(source, open, name, spec.trim());
  return { piece: { kind: 'field', name, format }, end: close + 1 };
}

function pushText(into: Piece[], text: string): void {
  const last = into.at(-1);
  if (last?.kind === 'text') last.text += text;
  else into.push({ kind: 'text', text });
}

/** Drops a final "." + {ext}: the extension is always added by the renderer. */
function withoutExtension(pieces: Piece[]): Piece[] {
  const last = pieces.at(-1);
  const before = pieces.at(-2);
  if (last?.kind !== 'field' || last.name !== 'ext' || last.format !== null) return pieces;
  if (before?.kind !== 'text' || !before.text.endsWith('.')) return pieces;
  const trimmed = before.text.slice(0, -1);
  return [...pieces.slice(0, -2), ...(trimmed ? [{ kind: 'text' as const, text: trimmed }] : [])];
}

export function parseTemplate(source: string): PathTemplate {
  if (typeof source !== 'string' || source.trim() === '') fail(String(source), 0, 'empty');
  if (source.length > 1000) fail(source, 1000, 'longer than 1000 characters');
  const top: Piece[] = [];
  let optional: { pieces: Piece[]; at: number } | null = null;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const into = optional ? optional.pieces : top;
    if ((ch === '{' || ch === '}') && source[i + 1] === ch) {
      pushText(into, ch);
      i += 2;
    } else if (ch === '{') {
      const { piece, end } = parseField(source, i);
      into.push(piece);
      i = end;
    } else if (ch === '}') {
      fail(source, i, 'unmatched "}" (write "}}" for a literal brace)');
    } else if (ch === '<') {
      if (optional) fail(source, i, 'optional segments do not nest');
      optional = { pieces: [], at: i };
      i++;
    } else if (ch === '>') {
      if (!optional) fail(source, i, 'unmatched ">"');
      top.push({ kind: 'optional', pieces: optional.pieces });
      optional = null;
      i++;
    } else if (ch === '/') {
      const prev = into.at(-1);
      if (i === 0 || i === source.length - 1 || source[i - 1] === '/' || prev?.kind === 'sep') {
        fail(source, i, 'empty folder name (leading, trailing or doubled "/")');
      }
      into.push({ kind: 'sep' });
      i++;
    } else if (ch === '\\') {
      fail(source, i, 'use "/" between folders');
    } else {
      pushText(into, ch);
      i++;
    }
  }
  if (optional) fail(source, optional.at, 'unclosed "<"');
  return { source, pieces: withoutExtension(top) };
}

/** Throws MegadiscError INVALID_ARGUMENT with the reason when the template is not usable. */
export function validateTemplate(source: string): void {
  parseTemplate(source);
}
