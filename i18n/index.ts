// Megadisc's i18n: locales, negotiation and translators; see README "Languages".
export * from './locales.ts';
export type { ArgNames, ArgValues } from './message-args.ts';
export { CATALOGS, type Catalog, type English, type MessageKey } from './messages/index.ts';
export { type Translator, translator } from './translator.ts';
