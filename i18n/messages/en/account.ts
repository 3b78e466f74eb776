// Catalog area "account".
export const account = {} as const;
