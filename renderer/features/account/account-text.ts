// The store's reasons as clauses for the account screens. Money, sizes and shares are the
// Translator's: i18n.money(), i18n.mb(bytes, 'fit'), i18n.basisPoints().

/** The store's reason as a clause: "Your card was declined." → "Your card was declined". */
export function clause(text: string | null): string {
  return text ? text.trim().replace(/[.!\s]+$/, '') : '';
}
