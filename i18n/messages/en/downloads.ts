// Catalog area "downloads".
export const downloads = {} as const;
