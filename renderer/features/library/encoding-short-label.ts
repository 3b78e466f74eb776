// A compact encoding name for tags and table cells ("MP3 V0", "FLAC"): the full label is too long
// for a card, and the id ("mp3-v0") reads like code.
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';

export function encodingShortLabel(id: EncodingId): string {
  const label = ENCODINGS[id]?.label ?? id;
  return label
    .replace(/\s*\(.*\)$/, '')
    .replace(/ kbps$/, '')
    .replace(/^Ogg /, '')
    .replace(/ --standard$/, '');
}
