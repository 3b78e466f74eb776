// Musepack: an APEv2 tag at the end of the file (node-taglib-sharp does not know .mpc), replacing any old one.
import { open } from 'node:fs/promises';
import { type ApeItem, findTrailingTags, renderApeTag } from './apev2-tag.ts';
import { customFields, numberPair } from './field-text.ts';
import type { PreparedTags } from './types.ts';

const TAIL_BYTES = 32 + 128;

/**
 * Item names follow the APEv2 conventions that foobar2000, mpcenc and music-metadata share. Several
 * values (artists, genres) go in one item separated by NUL, as the spec allows. The cover is the usual
 * binary "Cover Art (Front)" item: a file name, NUL, then the image bytes. A trailing ID3v1 tag is
 * dropped along with any old APE tag: the whole tag set is replaced, and the audio before it is untouched.
 */
export function apeItems(tags: PreparedTags): ApeItem[] {
  const items: ApeItem[] = [];
  const add = (key: string, value: string | null) => {
    if (value !== null) items.push({ key, value });
  };
  add('Title', tags.title);
  add('Artist', tags.artists.length > 0 ? tags.artists.join('\0') : null);
  add('Album', tags.album);
  add('Album Artist', tags.albumArtist);
  add('Track', numberPair(tags.trackNumber, tags.trackTotal));
  add('Disc', numberPair(tags.discNumber, tags.discTotal));
  add('Year', tags.date);
  add('Genre', tags.genres.length > 0 ? tags.genres.join('\0') : null);
  add('Label', tags.label);
  add('ISRC', tags.isrc);
  for (const [key, value] of customFields(tags)) add(key, value);
  if (tags.cover) {
    const name = Buffer.from(tags.cover.mimeType === 'image/png' ? 'cover.png\0' : 'cover.jpg\0', 'latin1');
    items.push({ key: 'Cover Art (Front)', value: Buffer.concat([name, tags.cover.data]) });
  }
  return items;
}

export async function writeApev2(path: string, tags: PreparedTags): Promise<void> {
  const tag = renderApeTag(apeItems(tags));
  const file = await open(path, 'r+');
  try {
    const fileSize = (await file.stat()).size;
    const tailLength = Math.min(fileSize, TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, fileSize - tailLength);
    const size = findTrailingTags(tail, fileSize);
    await file.truncate(size);
    await file.write(tag, 0, tag.length, size);
  } finally {
    await file.close();
  }
}
