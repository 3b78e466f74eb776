// Worker thread that parses tags with music-metadata; isolated so a hostile file can be killed with terminate().
import { parentPort } from 'node:worker_threads';
import { parseFile } from 'music-metadata';
import type { FileTags, TagRequest, TagResponse } from './tag-reader.ts';

/** Embedded art larger than this is ignored rather than copied between threads. */
const MAX_PICTURE_BYTES = 32 * 1024 * 1024;

/** Tag formats whose text may be single-byte (ID3v1, ID3v2 ISO-8859-1 frames, RIFF INFO): where legacy
 * Windows-1251 can hide. Vorbis comments and MP4 atoms are always Unicode. */
const SINGLE_BYTE_TAG_TYPES = /^(ID3v1|ID3v2\.\d|exif)$/;

async function readTags(path: string): Promise<FileTags> {
  // Skip the whole-file scan for duration: ffprobe supplies the technical facts later.
  const { common, format, native } = await parseFile(path, { duration: false });
  const pictures = common.picture ?? [];
  const picture = pictures.find((p) => /front/i.test(p.type ?? '')) ?? pictures[0];
  return {
    title: common.title,
    artist: common.artist,
    artists: common.artists ?? [],
    albumArtist: common.albumartist,
    album: common.album,
    trackNo: common.track.no ?? undefined,
    discNo: common.disk.no ?? undefined,
    date: common.date,
    year: common.year,
    genres: common.genre ?? [],
    label: common.label?.[0],
    isrc: common.isrc?.[0],
    barcode: common.barcode,
    picture:
      picture && picture.data.length <= MAX_PICTURE_BYTES
        ? { format: picture.format, data: Uint8Array.from(picture.data) }
        : undefined,
    singleByteText: Object.keys(native).some((type) => SINGLE_BYTE_TAG_TYPES.test(type)),
    lossless: format.lossless,
    codec: format.codec,
  };
}

parentPort?.on('message', (request: TagRequest) => {
  readTags(request.path).then(
    (tags) => {
      const response: TagResponse = { id: request.id, ok: true, tags };
      // Transfer the picture bytes instead of copying them.
      parentPort?.postMessage(response, tags.picture ? [tags.picture.data.buffer as ArrayBuffer] : []);
    },
    (err: unknown) => {
      const response: TagResponse = {
        id: request.id,
        ok: false,
        error: (err as Error)?.message ?? String(err),
      };
      parentPort?.postMessage(response);
    },
  );
});
