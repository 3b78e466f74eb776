// Catalog area "store".
export const store = {} as const;
