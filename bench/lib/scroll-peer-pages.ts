// The scroll benchmark's peer pages, with no script: the app's CSS and a list box of the same place
// and size as the app's track list. "floor" is one tall painted spacer (nothing to lay out while
// scrolling); "naive" is N plain rows in normal flow with the track row's markup, all in the DOM.
import { COMMON_WORDS, capitalize } from './words.ts';

export interface ListBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, box: ListBox, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="app.css">
<style>
  #probe { position: fixed; left: ${box.left}px; top: ${box.top}px; width: ${box.width}px; height: ${box.height}px; }
  .naive-spacer .naive-row { position: static; height: var(--row); }
</style></head>
<body>
<section id="probe" class="virtual-list track-list" tabindex="0" aria-label="Tracks">
${body}
</section>
</body></html>
`;
}

/** One spacer as tall as the app's list, striped like rows by a gradient: the browser's floor. */
export function floorPage(box: ListBox, scrollHeight: number, rowHeight: number): string {
  const stripes = `repeating-linear-gradient(to bottom, var(--surface) 0 ${rowHeight - 1}px, var(--border) ${rowHeight - 1}px ${rowHeight}px)`;
  return page(
    'scroll floor',
    box,
    `<ul class="virtual-spacer floor-spacer" style="height: ${scrollHeight}px; background: ${stripes}"></ul>`,
  );
}

function word(i: number): string {
  return capitalize(COMMON_WORDS[i % COMMON_WORDS.length]!);
}

/** Every row in the DOM, with the markup of the app's TrackRow: what windowing saves. */
export function naivePage(box: ListBox, rows: number, rowHeight: number): string {
  const sep = '<span class="visually-hidden">, </span>';
  const items: string[] = [];
  for (let i = 0; i < rows; i++) {
    const albumNo = Math.floor(i / 10);
    const artist = `${word(albumNo % 997)} ${word((albumNo * 7) % 991)}`;
    const album = `${word(albumNo * 3)} ${word(albumNo * 11 + 5)}`;
    const title = `${word(i * 13 + 1)} ${word(i * 17 + 2)}`;
    const cells = [
      `<span class="cell">${escapeHtml(artist)}</span>`,
      `<span class="cell"><a href="#/library/album/${albumNo + 1}" tabindex="-1">${escapeHtml(album)}</a></span>`,
      `<span class="cell num">${(i % 10) + 1}</span>`,
      `<span class="cell track-title">${escapeHtml(title)}</span>`,
      '<span class="cell">MP3 V0</span>',
      `<span class="cell num">${(4 + ((i * 7919) % 3_000_000) / 1e6).toFixed(1)} MB</span>`,
      '<span class="cell"><span class="tag tag-ok">OK</span></span>',
    ];
    items.push(`<li class="naive-row"><div class="track-row">${cells.join(sep)}</div></li>`);
  }
  return page(
    `scroll naive ${rows}`,
    box,
    `<ul class="virtual-spacer naive-spacer" style="--row: ${rowHeight}px">\n${items.join('\n')}\n</ul>`,
  );
}
