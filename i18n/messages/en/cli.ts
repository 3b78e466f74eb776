// Catalog area "cli".
export const cli = {} as const;
