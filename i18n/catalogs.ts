// Both catalogs, and the types the rest of the code sees: message keys come from English.
import type { Locale } from './locales.ts';
import { en } from './messages/en/index.ts';
import { ru } from './messages/ru/index.ts';

export type English = typeof en;
export type MessageKey = keyof English;
export type Catalog = { readonly [K in MessageKey]: string };

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, ru };
