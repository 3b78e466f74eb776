// settings.*: read, change (announced with the `settings` event) and preview a path template.
import type { AppApi } from '../../shared/app-api/contract.ts';
import type { Settings } from '../../shared/app-api/domain.ts';
import type { AppContext } from './app-context.ts';
import { previewPaths } from './path-preview.ts';

type SettingsMethods = Pick<AppApi, 'settings.get' | 'settings.update' | 'settings.previewPath'>;

export function settingsMethods(ctx: AppContext): SettingsMethods {
  const { engine } = ctx;
  return {
    'settings.get': async () => engine.settings.get(),
    'settings.update': async (patch) => {
      const settings = engine.configure(patch as Partial<Settings>);
      // A run in progress reads concurrency and the bandwidth limit on every tick: no restart needed.
      engine.events.emit('settings', { settings });
      return settings;
    },
    'settings.previewPath': async ({ template }) => {
      const { defaultEncoding, pathAscii } = engine.settings.get();
      return previewPaths(template, defaultEncoding, pathAscii);
    },
  };
}
