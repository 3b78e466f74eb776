// Interim names for finished downloads, safe on every OS; the library step later files them properly.
import { access } from 'node:fs/promises';
import { extname, join } from 'node:path';

export function safeComponent(name: string, maxLength = 120): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/g, '_')
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
