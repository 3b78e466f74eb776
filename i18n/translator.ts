// One translator per locale: messages through FormatJS (ICU MessageFormat, CLDR plurals) and every
// number, size, amount of money and date through Intl for that locale. Used alike by the React
// UI, the core, the CLI and the store server.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { CATALOGS, type English, type MessageKey } from './catalogs.ts';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';
import type { ArgValues } from './message-args.ts';

export type { MessageKey };

export interface Translator {
  readonly locale: Locale;
  /** A catalog message with its arguments; plurals and numbers follow the locale. */
  t<K extends MessageKey>(key: K, ...values: ArgValues<English[K]>): string;
  /** Whether a key exists (for codes that arrive from elsewhere, like error codes). */
  has(key: string): key is MessageKey;
  /** A plain number: 1,234 / 1 234. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /**
   * Megabytes as the store counts them (10^6 bytes): "12.3 MB" / "12,3 МБ". digits 'fit' shows
   * whole megabytes without decimals ("500 MB", a pack) and others with one.
   */
  mb(bytes: number, digits?: number | 'fit'): string;
  /** Bytes in the unit that fits: B, kB, MB, GB (decimal, like the store's prices). */
  bytes(bytes: number): string;
  /** A transfer rate: "1.2 MB/s". */
  speed(bytesPerSecond: number): string;
  /**
   * Money held in millionths of a unit (micros): 1_234_567 USD → "$1.23" / "1,23 $". maxDigits
   * shows more decimals where they matter: a price per MB of $0.018 is not $0.02.
   */
  money(micros: number, currency: string, options?: { maxDigits?: number }): string;
  /** A share in basis points: 1000 → "10%", 750 → "7.5%", 1 → "0.01%" ("10 %" in Russian). */
  basisPoints(basisPoints: number): string;
  /** A date and time, medium date and short time. */
  dateTime(value: string | number | Date): string;
  /** A date alone. */
  date(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  /** A time of day. */
  time(value: string | number | Date): string;
  /** A measure in a CLDR unit, short form: unit(5, 'second') → "5 sec" / "5 с"; unit(1.5, 'hour', 1). */
  unit(value: number, unit: 'second' | 'minute' | 'hour' | 'day' | 'percent', digits?: number): string;
  /** A list: "A, B and C" / "A, B и C". */
  list(items: readonly string[]): string;
}

const MB = 1_000_000;
const cache = createIntlCache();
const translators = new Map<Locale, Translator>();

function unitFormat(locale: Locale, unit: string, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function build(locale: Locale): Translator {
  const intl: IntlShape<string> = createIntl(
    {
      locale,
      defaultLocale: DEFAULT_LOCALE,
      messages: CATALOGS[locale],
      // A missing key or a bad value is a bug the catalog tests catch; at run time show the key.
      onError: () => undefined,
    },
    cache,
  );
  // Formatters are built once per locale and digit count: the track list formats a whole window
  // of sizes per frame while scrolling.
  const formats = new Map<string, Intl.NumberFormat>();
  const unit = (name: string, digits: number) => {
    const key = `${name}:${digits}`;
    let format = formats.get(key);
    if (!format) {
      format = unitFormat(locale, name, digits);
      formats.set(key, format);
    }
    return format;
  };
  const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const plain = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const messages = CATALOGS[locale] as Readonly<Record<string, string>>;

  const translator: Translator = {
    locale,
    t: (key, ...values) =>
      intl.formatMessage({ id: key }, values[0] as Record<string, string | number | Date>),
    has: (key): key is MessageKey => Object.hasOwn(messages, key),
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : plain).format(value),
    mb: (bytes, digits = 1) =>
      unit('megabyte', digits === 'fit' ? (Number.isInteger(bytes / MB) ? 0 : 1) : digits).format(bytes / MB),
    bytes(bytes) {
      if (bytes < 1000) return intl.formatMessage({ id: 'common.unit.bytes' }, { count: bytes });
      if (bytes < MB) return unit('kilobyte', 0).format(bytes / 1000);
      if (bytes < 1000 * MB) return unit('megabyte', 1).format(bytes / MB);
      return unit('gigabyte', 2).format(bytes / (1000 * MB));
    },
    speed(bytesPerSecond) {
      const rate = Math.round(bytesPerSecond);
      if (rate < MB) return unit('kilobyte-per-second', 0).format(rate / 1000);
      return unit('megabyte-per-second', 1).format(rate / MB);
    },
    money(micros, currency, options = {}) {
      // Micros are integers; dividing by 10^6 is exact enough for display (not for sums).
      return intl.formatNumber(micros / 1_000_000, {
        style: 'currency',
        currency,
        ...(options.maxDigits ? { minimumFractionDigits: 2, maximumFractionDigits: options.maxDigits } : {}),
      });
    },
    basisPoints(basisPoints) {
      const digits = basisPoints % 100 === 0 ? 0 : basisPoints % 10 === 0 ? 1 : 2;
      return unit('percent', digits).format(basisPoints / 100);
    },
    dateTime: (value) => {
      const d = toDate(value);
      return Number.isNaN(d.getTime()) ? String(value) : dateTime.format(d);
    },
    date: (value, options = { dateStyle: 'medium' }) => {
      const d = toDate(value);
      return Number.isNaN(d.getTime()) ? String(value) : intl.formatDate(d, options);
    },
    time: (value) => {
      const d = toDate(value);
      return Number.isNaN(d.getTime()) ? String(value) : time.format(d);
    },
    unit: (value, name, digits = 0) => unit(name, digits).format(value),
    list: (items) => list.format(items),
  };
  return translator;
}

/** The translator for a locale, built once and shared. */
export function translator(locale: Locale): Translator {
  let found = translators.get(locale);
  if (!found) {
    found = build(locale);
    translators.set(locale, found);
  }
  return found;
}
