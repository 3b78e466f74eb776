// Type-level reading of an ICU message: the names of its arguments, so `t(key, values)` asks for
// exactly the values the English text uses. Nested plural/select branches are read too.

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
/** An argument name: no spaces, no "#", not empty (branch texts such as "{# tracks}" are not names). */
type Name<S extends string> = S extends '' | `${string} ${string}` | `${string}#${string}` ? never : S;

/** Argument names of an ICU message text, as a union. */
export type ArgNames<S extends string> = S extends `${string}{${infer After}`
  ? After extends `${infer Head}}${string}`
    ? (Head extends `${infer N},${string}` ? Name<Trim<N>> : Name<Trim<Head>>) | ArgNames<After>
    : never
  : never;

/** The values a message needs: none for plain text, otherwise one per argument name. */
export type ArgValues<S extends string> = [ArgNames<S>] extends [never]
  ? []
  : [values: { readonly [K in ArgNames<S>]: string | number | Date }];
