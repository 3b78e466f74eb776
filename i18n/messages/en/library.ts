// Catalog area "library".
export const library = {} as const;
