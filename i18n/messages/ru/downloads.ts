import type { downloads as en } from '../en/downloads.ts';
import type { Translation } from '../translation.ts';

export const downloads: Translation<typeof en> = {};
