// Catalog area "core": text the core engine shows itself (OS notifications).
export const core = {} as const;
