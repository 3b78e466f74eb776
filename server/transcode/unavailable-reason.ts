// Why the store cannot make an encoding, for the person reading: English requests keep the probe's
// technical text (as error replies do); other languages get the catalog's wording of the same fact.
import type { Locale } from '../../i18n/index.ts';
import { translator } from '../../i18n/index.ts';
import type { EncoderAvailability } from './types.ts';

/** Null when the encoding is available. */
export function unavailableReason(avail: EncoderAvailability | undefined, locale: Locale): string | null {
  if (avail?.available) return null;
  if (locale === 'en') return avail?.reason ?? 'not probed';
  const t = translator(locale);
  if (avail?.tool && avail.encoder) return t.t('server.encoding.noEncoder', { encoder: avail.encoder });
  if (avail?.tool) return t.t('server.encoding.toolUnusable', { tool: avail.tool });
  return t.t('server.encoding.notProbed');
}
