// Which native tag system each store encoding gets, and which writer produces it.
import { ENCODINGS, type EncodingId, isEncodingId } from '../../../api/encodings.ts';
import { MegadiscError } from '../../shared/errors.ts';
import type { TagSystem } from './types.ts';

export function tagSystemFor(encoding: EncodingId, id3Version: 3 | 4): TagSystem {
  if (!isEncodingId(encoding)) throw new MegadiscError('INVALID_ARGUMENT', `unknown encoding: ${encoding}`);
  switch (ENCODINGS[encoding].container) {
    case 'mp3':
      return id3Version === 3 ? 'id3v2.3' : 'id3v2.4';
    case 'mp4':
      return 'mp4';
    case 'ogg':
    case 'flac':
      return 'vorbis';
    case 'mpc':
      return 'apev2';
    case 'asf':
      return 'asf';
  }
}
