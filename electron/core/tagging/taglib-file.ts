// Opens a file with node-taglib-sharp as a given type, lets a writer edit it, saves and always closes it.
import { ByteVector, File, Id3v2Settings, Picture, PictureType } from 'node-taglib-sharp';
import { MegadiscError } from '../../shared/errors.ts';
import type { CoverImage } from './types.ts';

/**
 * node-taglib-sharp is synchronous, so nothing else can run between `edit` and `save`: that makes it
 * safe to flip its process-wide ID3v2 settings around the save and put them back afterwards.
 * The type is passed explicitly (not guessed from the name) because we edit a temp copy.
 */
export function editWithTaglib(
  path: string,
  taglibType: string,
  edit: (file: File) => void,
  save: (file: File) => void = (file) => file.save(),
): void {
  let file: File;
  try {
    file = File.createFromPath(path, taglibType);
  } catch (cause) {
    throw new MegadiscError('BAD_RESPONSE', `cannot open the audio file for tagging: ${message(cause)}`, {
      cause,
    });
  }
  const numericGenres = Id3v2Settings.useNumericGenres;
  try {
    edit(file);
    // Genres stay text ("Rock", not "(17)"): every reader understands text, and it survives a round trip.
    Id3v2Settings.useNumericGenres = false;
    save(file);
  } catch (cause) {
    if (cause instanceof MegadiscError) throw cause;
    throw new MegadiscError('INTERNAL', `writing tags failed: ${message(cause)}`, { cause });
  } finally {
    Id3v2Settings.useNumericGenres = numericGenres;
    file.dispose();
  }
}

export function frontCover(cover: CoverImage): Picture {
  return Picture.fromFullData(
    ByteVector.fromByteArray(cover.data),
    PictureType.FrontCover,
    cover.mimeType,
    '',
  );
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
