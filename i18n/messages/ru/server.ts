import type { server as en } from '../en/server.ts';
import type { Translation } from '../translation.ts';

export const server: Translation<typeof en> = {};
