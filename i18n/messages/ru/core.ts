import type { core as en } from '../en/core.ts';
import type { Translation } from '../translation.ts';

export const core: Translation<typeof en> = {};
