// Catalog area "settings".
export const settings = {} as const;
