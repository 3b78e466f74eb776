// WMA: ASF content description (Title, Author) plus extended content descriptors (WM/*, free-form).
import {
  AsfContentDescriptor,
  type AsfFile,
  AsfObjectDataType,
  type AsfTag,
  TagTypes,
} from 'node-taglib-sharp';
import { customFields, displayArtists } from './field-text.ts';
import { fixAsfFileSize, saveAsf } from './save-asf.ts';
import { editWithTaglib, frontCover } from './taglib-file.ts';
import type { PreparedTags } from './types.ts';

/**
 * Author is one string, so it gets the display form ("A & B") and the list goes in repeated
 * WM/ARTISTS descriptors (Picard's convention, read by music-metadata); genres are repeated WM/Genre
 * descriptors, ASF's way of storing a multi-valued attribute. ASF has no standard track total:
 * WM/TrackNumber holds the number and TrackTotal the total, as TagLib and foobar2000 do. WM/Year is a
 * year only (Windows Media Player misreads a full date), WM/PartOfSet is "n/total".
 */
export async function writeAsf(path: string, tags: PreparedTags): Promise<void> {
  editWithTaglib(
    path,
    'taglib/wma',
    (file) => {
      file.removeTags(TagTypes.AllTags);
      const tag = file.getTag(TagTypes.Asf, true) as AsfTag;
      const strings = (name: string, values: Array<string | null>) => {
        const present = values.filter((v): v is string => v !== null);
        if (present.length === 0) return;
        tag.setDescriptors(
          name,
          ...present.map((v) => new AsfContentDescriptor(name, AsfObjectDataType.Unicode, v)),
        );
      };
      if (tags.title !== null) tag.title = tags.title;
      const display = displayArtists(tags.artists);
      if (display !== null) tag.performers = [display];
      if (tags.artists.length > 1) strings('WM/ARTISTS', tags.artists);
      strings('WM/AlbumArtist', [tags.albumArtist]);
      strings('WM/AlbumTitle', [tags.album]);
      if (tags.trackNumber !== null) {
        tag.track = tags.trackNumber;
        if (tags.trackTotal !== null) tag.trackCount = tags.trackTotal;
      }
      if (tags.discNumber !== null) {
        strings('WM/PartOfSet', [
          tags.discTotal === null ? String(tags.discNumber) : `${tags.discNumber}/${tags.discTotal}`,
        ]);
      }
      strings('WM/Year', [tags.year === null ? null : String(tags.year).padStart(4, '0')]);
      strings('WM/Genre', tags.genres);
      strings('WM/Publisher', [tags.label]);
      strings('WM/ISRC', [tags.isrc]);
      for (const [key, value] of customFields(tags)) strings(key, [value]);
      if (tags.cover) tag.pictures = [frontCover(tags.cover)];
    },
    (file) => saveAsf(file as AsfFile),
  );
  await fixAsfFileSize(path);
}
