// Catalog area "shell".
export const shell = {} as const;
