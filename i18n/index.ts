// Megadisc's i18n: locales, negotiation and translators; see README "Languages".

export { CATALOGS, type Catalog, type English, type MessageKey } from './catalogs.ts';
export * from './locales.ts';
export type { ArgNames, ArgValues } from './message-args.ts';
export { type Translator, translator } from './translator.ts';
