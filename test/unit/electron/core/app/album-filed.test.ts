// The OS notification when an album is complete: in the app's language at that moment, from the
// language setting or, for "system", the OS's preferred languages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { albumFiled, albumFiledNotice } from '../../../../../electron/core/app/album-filed.ts';
import { createEngine, type Engine } from '../../../../../electron/core/create-engine.ts';
import type { JobView } from '../../../../../electron/shared/app-api/domain.ts';

let home: string;
let engine: Engine;
let nextPurchase = 1;

/** A purchase whose only track is done, and the job-state event that says so. */
function fileAlbum(artist: string, album: string): void {
  const id = nextPurchase++;
  engine.db
    .prepare(
      `INSERT INTO purchases (id, store, account_id, idempotency_key, album_id, album_title, artist_name, encoding,
         high_bytes, state, order_id, created_at)
       VALUES (?, 's', 1, ?, 7, ?, ?, 'flac', 1000, 'ordered', ?, 'now')`,
    )
    .run(id, `key-${id}`, album, artist, `ord_${id}`);
  engine.db
    .prepare(
      `INSERT INTO jobs (purchase_id, order_id, item_id, track_id, title, file_name, position, state, bytes_total,
         checkpoint_bytes, tags, created_at, updated_at)
       VALUES (?, ?, ?, 1, 'One', '1.flac', ?, 'done', 100, 100, '{}', 'now', 'now')`,
    )
    .run(id, `ord_${id}`, `itm_${id}`, id);
  const job = { id, purchaseId: id, state: 'done' } as JobView;
  engine.events.emit('job-state', { job } as never);
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'megadisc-album-filed-'));
  engine = createEngine({ home, defaults: { libraryDir: join(home, 'library') } });
});
afterEach(() => {
  engine.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the album-filed notification', () => {
  it('is English by default, with no preferred languages known', () => {
    const shown: [string, string][] = [];
    const stop = albumFiled(engine, { notify: (title, body) => shown.push([title, body]) });
    fileAlbum('Café Lumière', 'Glass Études');
    stop();
    expect(shown).toEqual([['Album added to your library', 'Café Lumière — Glass Études']]);
  });

  it('follows the language setting', () => {
    engine.settings.set({ language: 'ru' });
    const shown: [string, string][] = [];
    const stop = albumFiled(engine, {
      notify: (title, body) => shown.push([title, body]),
      preferredLanguages: () => ['en-US'],
    });
    fileAlbum('Café Lumière', 'Glass Études');
    stop();
    expect(shown).toEqual([['Альбом добавлен в фонотеку', 'Café Lumière — Glass Études']]);
  });

  it('follows the OS for "system", and a change of setting applies to the next album at once', () => {
    const shown: string[] = [];
    const stop = albumFiled(engine, {
      notify: (title) => shown.push(title),
      preferredLanguages: () => ['ru-RU', 'en-US'],
    });
    fileAlbum('A', 'First');
    engine.settings.set({ language: 'en' });
    fileAlbum('B', 'Second');
    engine.settings.set({ language: 'system' });
    fileAlbum('C', 'Third');
    stop();
    expect(shown).toEqual([
      'Альбом добавлен в фонотеку',
      'Album added to your library',
      'Альбом добавлен в фонотеку',
    ]);
  });

  it('has a title and body in each language', () => {
    const album = { artistName: 'Nuits Électriques', albumTitle: 'Static Psalms' };
    expect(albumFiledNotice('en', album)).toEqual({
      title: 'Album added to your library',
      body: 'Nuits Électriques — Static Psalms',
    });
    expect(albumFiledNotice('ru', album)).toEqual({
      title: 'Альбом добавлен в фонотеку',
      body: 'Nuits Électriques — Static Psalms',
    });
  });
});
