// Saves an ASF file's tags without node-taglib-sharp 6.0.3's AsfFile.save, which corrupts the audio.
import { open } from 'node:fs/promises';
import { type AsfFile, AsfHeaderObject, FileAccessMode } from 'node-taglib-sharp';

/**
 * AsfFile.save inserts the re-rendered header with `replace = originalSize + diff` (= the new size),
 * so whenever the header grows, as it does on every first tagging, it overwrites the start of the Data
 * object instead of making room: ffmpeg then refuses the file. This is the same save with the
 * replace length the insert needs: the old header's size.
 */
export function saveAsf(file: AsfFile): void {
  (file as unknown as { preSave(): void }).preSave();
  file.mode = FileAccessMode.Write;
  try {
    const header = AsfHeaderObject.fromFile(file, 0);
    header.addUniqueObject(file.tag.contentDescriptionObject);
    header.addUniqueObject(file.tag.extendedContentDescriptionObject);
    header.extension.addUniqueObject(file.tag.metadataLibraryObject);
    file.insert(header.render(), 0, header.originalSize);
  } finally {
    file.mode = FileAccessMode.Closed;
  }
}

const HEADER = Buffer.from('3026b2758e66cf11a6d900aa0062ce6c', 'hex');
const FILE_PROPERTIES = Buffer.from('a1dcab8c47a9cf118ee400c00c205365', 'hex');

/**
 * The File Properties object records the whole file's size, and node-taglib-sharp leaves it stale when
 * the header grows. Players mostly ignore it, Windows' own parser may not: set it to the real size.
 */
export async function fixAsfFileSize(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    const size = (await file.stat()).size;
    const head = Buffer.alloc(30);
    await file.read(head, 0, 30, 0);
    if (!head.subarray(0, 16).equals(HEADER)) return;
    const headerSize = Math.min(Number(head.readBigUInt64LE(16)), size);
    const header = Buffer.alloc(headerSize);
    await file.read(header, 0, headerSize, 0);
    for (let pos = 30; pos + 24 <= headerSize; ) {
      const objectSize = Number(header.readBigUInt64LE(pos + 16));
      if (objectSize < 24) return;
      if (header.subarray(pos, pos + 16).equals(FILE_PROPERTIES) && pos + 48 <= headerSize) {
        const field = Buffer.alloc(8);
        field.writeBigUInt64LE(BigInt(size));
        await file.write(field, 0, 8, pos + 40); // after GUID, object size and the 16-byte file id
        return;
      }
      pos += objectSize;
    }
  } finally {
    await file.close();
  }
}
