import type { store as en } from '../en/store.ts';
import type { Translation } from '../translation.ts';

export const store: Translation<typeof en> = {};
