// A translation of an English catalog area: exactly its keys (the compiler rejects a missing or
// an extra one), each with a text of its own.
export type Translation<English> = { readonly [K in keyof English]: string };
