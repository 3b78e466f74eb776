// Redraws the installer icons into resources/: icon.png (1024 px, Linux), icon.ico (Windows), icon.icns (macOS).
// The files are committed, so packaging needs no image tool; run `node scripts/package/make-icons.ts` after
// changing the art in icon-art.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawIcon } from './icon-art.ts';
import { encodeIcns, encodeIco, encodePng } from './icon-formats.ts';

/** Windows picks from these for the taskbar, the Start menu, Explorer's views and the installer. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];

export function makeIcons(outDir: string): string[] {
  const sizes = [...new Set([...ICO_SIZES, ...ICNS_SIZES])];
  const bitmaps = new Map(sizes.map((size) => [size, drawIcon(size)]));
  const pngs = new Map(ICNS_SIZES.map((size) => [size, encodePng(bitmaps.get(size)!)]));
  const files = {
    'icon.png': pngs.get(1024)!,
    'icon.ico': encodeIco(ICO_SIZES.map((size) => bitmaps.get(size)!)),
    'icon.icns': encodeIcns(pngs),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(outDir, name), data);
  return Object.keys(files).map((name) => join(outDir, name));
}

if (import.meta.main) {
  for (const file of makeIcons(join(import.meta.dirname, '..', '..', 'resources')))
    console.log(`wrote ${file}`);
}
