// A translated sentence with elements inside it (a <code>, a <strong>): the catalog text holds an
// {argument} where each element goes, so the words around it follow the language's word order.
import { Fragment, type ReactNode } from 'react';
import type { ArgNames, English, MessageKey, Translator } from '../../i18n/index.ts';

// Private-use characters: they cannot occur in catalog text or in the data put into it.
const OPEN = '\u{E000}';
const CLOSE = '\u{E001}';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'u');

/**
 * The message `key` with each argument replaced by its element. Only for arguments that are shown
 * as they are: a plural or number argument needs its number, so pass it through `i18n.t` instead.
 */
export function richText<K extends MessageKey>(
  i18n: Translator,
  key: K,
  parts: { readonly [N in ArgNames<English[K]>]: ReactNode },
): ReactNode {
  const names = Object.keys(parts) as (keyof typeof parts)[];
  const marks = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]));
  const text = (i18n.t as (k: string, v: object) => string)(key, marks);
  // split() with a capture group alternates text and the captured element index.
  const pieces = text.split(MARK);
  const nodes: ReactNode[] = [];
  const seen = new Map<string, number>();
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) nodes.push(piece);
      return;
    }
    const name = names[Number(piece)]!;
    const occurrence = (seen.get(name) ?? 0) + 1;
    seen.set(name, occurrence);
    nodes.push(<Fragment key={`${name}:${occurrence}`}>{parts[name]}</Fragment>);
  });
  return <>{nodes}</>;
}
