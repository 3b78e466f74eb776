// Renders a track's library path from a template: sanitized components within the length budget.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import { toAscii } from '../../../api/text/transliterate.ts';
import { DEFAULT_PATH_BUDGET, fitPathBudget } from './fit-path-budget.ts';
import { type FieldFormat, type PathTemplate, type Piece, parseTemplate } from './path-template.ts';
import { cleanExtension, MAX_COMPONENT_BYTES, sanitizeComponent } from './sanitize-component.ts';
import { type FieldContext, isPresent, TEMPLATE_FIELDS } from './template-fields.ts';

export interface RenderOptions {
  /** Whole relative path, in UTF-16 units; see pathBudgetFor(root). */
  budget?: number;
  maxComponentBytes?: number;
  /**
   * Every name in plain ASCII (Cyrillic transliterated, accents dropped), template text included,
   * for old players; the `{field:ascii}` format does the same for one field. Off: names keep their
   * own script.
   */
  ascii?: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function formatValue(value: string, format: FieldFormat | null): string {
  if (format === null || value === '') return value;
  if (format === 'upper') return value.toUpperCase();
  if (format === 'lower') return value.toLowerCase();
  if (format === 'ascii') return toAscii(value);
  if (format === 'initial') {
    const first = graphemes.segment(value.trim())[Symbol.iterator]().next().value?.segment ?? '';
    return first.toUpperCase();
  }
  return value.padStart(format.pad, '0');
}

function allPresent(pieces: Piece[], context: FieldContext): boolean {
  return pieces.every((p) => p.kind !== 'field' || isPresent(TEMPLATE_FIELDS[p.name]!, context));
}

/** Raw text per component: field values go into the current component whatever they contain. */
function emit(pieces: Piece[], context: FieldContext, out: string[]): void {
  for (const piece of pieces) {
    if (piece.kind === 'sep') out.push('');
    else if (piece.kind === 'text') out[out.length - 1] += piece.text;
    else if (piece.kind === 'field') {
      out[out.length - 1] += formatValue(TEMPLATE_FIELDS[piece.name]!.value(context), piece.format);
    } else if (allPresent(piece.pieces, context)) emit(piece.pieces, context, out);
  }
}

/**
 * The path components (folders, then "name.ext") for a track. Metadata can never add a folder
 * level or climb out: "/" and "\" in values become "_", and every component is sanitized.
 */
export function renderPath(
  template: string | PathTemplate,
  tags: TagData,
  encoding: EncodingId,
  rawExt: string,
  options: RenderOptions = {},
): string[] {
  const ext = cleanExtension(rawExt);
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  const raw = [''];
  emit(parsed.pieces, { tags, encoding, ext }, raw);
  const maxBytes = options.maxComponentBytes ?? MAX_COMPONENT_BYTES;
  const last = raw.length - 1;
  // Before sanitizing, so that byte limits apply to the spelling that is written.
  const spelled = options.ascii ? raw.map(toAscii) : raw;
  const components = spelled.map((c, i) =>
    sanitizeComponent(c, i === last ? { ext, maxBytes } : { maxBytes }),
  );
  return fitPathBudget(components, options.budget ?? DEFAULT_PATH_BUDGET, ext);
}
