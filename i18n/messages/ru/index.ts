// The Russian catalog: every English key, translated (see ../translation.ts).
import { account } from './account.ts';
import { cli } from './cli.ts';
import { common } from './common.ts';
import { core } from './core.ts';
import { downloads } from './downloads.ts';
import { errors } from './errors.ts';
import { library } from './library.ts';
import { operator } from './operator.ts';
import { player } from './player.ts';
import { server } from './server.ts';
import { settings } from './settings.ts';
import { shell } from './shell.ts';
import { store } from './store.ts';

export const ru = {
  ...common,
  ...errors,
  ...shell,
  ...store,
  ...downloads,
  ...library,
  ...player,
  ...account,
  ...settings,
  ...core,
  ...cli,
  ...server,
  ...operator,
} as const;
