// Catalog area "server".
export const server = {} as const;
