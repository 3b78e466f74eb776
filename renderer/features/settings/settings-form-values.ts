// The settings form as text the user edits, and the way back to a settings patch: what each field
// parses to, and what is wrong with it when it does not.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { Settings } from '../../../electron/shared/app-api/domain.ts';
import type { Translator } from '../../../i18n/index.ts';

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
/** Everything the form saves; the theme, the language and ReplayGain save themselves the moment they are picked. */
export type FormSettings = Omit<Settings, 'theme' | 'language' | 'replayGain'>;

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

/** A whole number within bounds, or what is wrong with the text, in the words `problems` gives. */
function integer(
  text: string,
  min: number,
  max: number,
  problems: { whole: () => string; range: (bounds: { min: number; max: number }) => string },
): number | string {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n)) return problems.whole();
  if (n < min || n > max) return problems.range({ min, max });
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

export function parseForm(v: FormValues, i18n: Translator): ParsedForm {
  const settings: Partial<FormSettings> = {};
  const errors: Partial<Record<FieldName, string>> = {};
  const numeric = (field: FieldName, result: number | string, apply: (n: number) => void) => {
    if (typeof result === 'string') errors[field] = result;
    else apply(result);
  };

  if (v.libraryDir.trim() === '') errors.libraryDir = i18n.t('settings.error.libraryDir');
  else settings.libraryDir = v.libraryDir.trim();
  // The template's own errors come from the core's parser (see usePathPreview).
  if (v.pathTemplate.trim() === '') errors.pathTemplate = i18n.t('settings.error.templateEmpty');
  else settings.pathTemplate = v.pathTemplate;
  settings.pathAscii = v.pathAscii;
  settings.id3Version = v.id3Version === '3' ? 3 : 4;
  const coverPx = {
    whole: () => i18n.t('settings.error.coverPx.whole'),
    range: (bounds: { min: number; max: number }) => i18n.t('settings.error.coverPx.range', bounds),
  };
  numeric('coverMaxPx', integer(v.coverMaxPx, 100, 10_000, coverPx), (n) => {
    settings.coverMaxPx = n;
  });
  const kb = Number(v.coverMaxKb.trim());
  if (v.coverMaxKb.trim() === '' || !Number.isFinite(kb) || kb < 10 || kb > 50_000) {
    errors.coverMaxKb = i18n.t('settings.error.coverKb', { min: 10, max: 50_000 });
  } else settings.coverMaxBytes = Math.round(kb * 1000);
  settings.coverFile = v.coverFile;
  settings.defaultEncoding = v.defaultEncoding;
  const concurrency = {
    whole: () => i18n.t('settings.error.concurrency.whole'),
    range: (bounds: { min: number; max: number }) => i18n.t('settings.error.concurrency.range', bounds),
  };
  numeric('concurrency', integer(v.concurrency, 1, 16, concurrency), (n) => {
    settings.concurrency = n;
  });
  if (!v.bandwidthOn) settings.bandwidthLimit = null;
  else {
    const amount = Number(v.bandwidthValue.trim());
    const bytes = Math.round(amount * UNIT[v.bandwidthUnit]);
    if (v.bandwidthValue.trim() === '' || !Number.isFinite(amount) || amount <= 0) {
      errors.bandwidthValue = i18n.t('settings.error.bandwidthEmpty');
    } else if (bytes < MIN_BANDWIDTH) errors.bandwidthValue = i18n.t('settings.error.bandwidthLow');
    else settings.bandwidthLimit = bytes;
  }
  const url = v.storeUrl.trim();
  if (url === '') settings.storeUrl = null;
  else if (!isHttpUrl(url)) errors.storeUrl = i18n.t('settings.error.storeUrl');
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
