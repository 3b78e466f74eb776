// What the spend charts measure: megabytes, or the money paid for them.
export type SpendUnit = 'mb' | 'money';
