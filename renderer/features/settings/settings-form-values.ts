// The settings form as text the user edits, and the way back to a settings patch: what each field
// parses to, and what is wrong with it when it does not.
import type { EncodingId } from '../../../api/encodings.ts';
import type { Settings } from '../../../electron/shared/app-api/domain.ts';

export interface FormValues {
  libraryDir: string;
  pathTemplate: string;
  pathAscii: boolean;
  id3Version: '3' | '4';
  coverMaxPx: string;
  /** Kilobytes (1000 bytes), friendlier than bytes for an image size. */
  coverMaxKb: string;
  coverFile: boolean;
  defaultEncoding: EncodingId;
  concurrency: string;
  bandwidthOn: boolean;
  bandwidthValue: string;
  bandwidthUnit: 'kB' | 'MB';
  storeUrl: string;
}

export type FieldName = keyof FormValues;
/** Everything the form saves; the theme saves itself the moment it is picked. */
export type FormSettings = Omit<Settings, 'theme'>;

const UNIT = { kB: 1000, MB: 1_000_000 } as const;
/** The contract's lowest bandwidth limit, in bytes per second. */
const MIN_BANDWIDTH = 1024;

const trimNumber = (n: number) => String(Number(n.toFixed(3)));

export function toForm(s: Settings): FormValues {
  const limit = s.bandwidthLimit;
  const inMB = limit !== null && limit >= UNIT.MB && limit % 100_000 === 0;
  return {
    libraryDir: s.libraryDir,
    pathTemplate: s.pathTemplate,
    pathAscii: s.pathAscii,
    id3Version: String(s.id3Version) as '3' | '4',
    coverMaxPx: String(s.coverMaxPx),
    coverMaxKb: trimNumber(s.coverMaxBytes / 1000),
    coverFile: s.coverFile,
    defaultEncoding: s.defaultEncoding,
    concurrency: String(s.concurrency),
    bandwidthOn: limit !== null,
    bandwidthValue: limit === null ? '' : trimNumber(limit / (inMB ? UNIT.MB : UNIT.kB)),
    bandwidthUnit: inMB ? 'MB' : 'kB',
    storeUrl: s.storeUrl ?? '',
  };
}

function integer(text: string, min: number, max: number, what: string): number | string {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n)) return `${what} must be a whole number.`;
  if (n < min || n > max)
    return `${what} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.`;
  return n;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export interface ParsedForm {
  settings: Partial<FormSettings>;
  errors: Partial<Record<FieldName, string>>;
}

export function parseForm(v: FormValues): ParsedForm {
  const settings: Partial<FormSettings> = {};
  const errors: Partial<Record<FieldName, string>> = {};
  const numeric = (field: FieldName, result: number | string, apply: (n: number) => void) => {
    if (typeof result === 'string') errors[field] = result;
    else apply(result);
  };

  if (v.libraryDir.trim() === '') errors.libraryDir = 'Choose a folder for the library.';
  else settings.libraryDir = v.libraryDir.trim();
  // The template's own errors come from the core's parser (see usePathPreview).
  if (v.pathTemplate.trim() === '') errors.pathTemplate = 'The template is empty.';
  else settings.pathTemplate = v.pathTemplate;
  settings.pathAscii = v.pathAscii;
  settings.id3Version = v.id3Version === '3' ? 3 : 4;
  numeric('coverMaxPx', integer(v.coverMaxPx, 100, 10_000, 'The cover size'), (n) => {
    settings.coverMaxPx = n;
  });
  const kb = Number(v.coverMaxKb.trim());
  if (v.coverMaxKb.trim() === '' || !Number.isFinite(kb) || kb < 10 || kb > 50_000) {
    errors.coverMaxKb = 'The cover file size must be between 10 and 50,000 kB.';
  } else settings.coverMaxBytes = Math.round(kb * 1000);
  settings.coverFile = v.coverFile;
  settings.defaultEncoding = v.defaultEncoding;
  numeric('concurrency', integer(v.concurrency, 1, 16, 'Downloads at once'), (n) => {
    settings.concurrency = n;
  });
  if (!v.bandwidthOn) settings.bandwidthLimit = null;
  else {
    const amount = Number(v.bandwidthValue.trim());
    const bytes = Math.round(amount * UNIT[v.bandwidthUnit]);
    if (v.bandwidthValue.trim() === '' || !Number.isFinite(amount) || amount <= 0) {
      errors.bandwidthValue = 'Enter a speed, or turn the limit off.';
    } else if (bytes < MIN_BANDWIDTH) errors.bandwidthValue = 'The lowest limit is 2 kB/s.';
    else settings.bandwidthLimit = bytes;
  }
  const url = v.storeUrl.trim();
  if (url === '') settings.storeUrl = null;
  else if (!isHttpUrl(url)) errors.storeUrl = 'Enter the store’s address, starting with http:// or https://.';
  else settings.storeUrl = url;
  return { settings, errors };
}

/** The parsed values that differ from what is saved: exactly what settings.update needs. */
export function changedSettings(parsed: Partial<FormSettings>, saved: Settings): Partial<FormSettings> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== saved[key as keyof Settings]) patch[key] = value;
  }
  return patch as Partial<FormSettings>;
}
