// Interim names for finished downloads, safe on every OS; the library step later files them properly.
import { access } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Control characters, bidi overrides and characters some file systems refuse. */
function isUnsafe(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    c < 0x20 ||
    c === 0x7f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    '/\\:*?"<>|'.includes(ch)
  );
}

export function safeComponent(name: string, maxLength = 120): string {
  const cleaned = [...name.normalize('NFC')]
    .map((ch) => (isUnsafe(ch) ? '_' : ch))
    .join('')
    .replace(/[. ]+$/, '')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned || '_').slice(0, maxLength);
}

/** A path in dir that does not exist yet: "name.ext", then "name (2).ext", … */
export async function freePath(dir: string, fileName: string): Promise<string> {
  const ext = extname(fileName);
  const stem = safeComponent(fileName.slice(0, fileName.length - ext.length));
  for (let n = 1; ; n++) {
    const candidate = join(dir, `${stem}${n > 1 ? ` (${n})` : ''}${ext}`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}
