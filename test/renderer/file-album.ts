// Test helper: buys an album through the fake's client and lets the fake file it into the library.
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { FakeAppApi } from './fake/fake-app-api.ts';

export async function fileAlbum(fake: FakeAppApi, albumId: number, encoding: EncodingId): Promise<void> {
  await fake.client()['store.buy']({ albumId, encoding });
  fake.advance(1e9);
}
