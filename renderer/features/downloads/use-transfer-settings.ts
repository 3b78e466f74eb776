// Concurrency and the bandwidth limit, read from Settings and saved back; the core applies both to
// downloads already running.
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../electron/shared/app-api/domain.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { useEvent } from '../../app/use-event.ts';

export type TransferPatch = Partial<Pick<Settings, 'concurrency' | 'bandwidthLimit'>>;

export function useTransferSettings() {
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<MegadiscError | null>(null);
  const [saved, setSaved] = useState(0);

  useEffect(() => {
    let live = true;
    api['settings.get']({}).then(
      (s) => live && setSettings(s),
      (e: MegadiscError) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEvent('settings', (e) => setSettings(e.settings));

  const save = useCallback(
    async (patch: TransferPatch) => {
      setError(null);
      try {
        setSettings(await api['settings.update'](patch));
        setSaved((n) => n + 1);
      } catch (e) {
        setError(e as MegadiscError);
      }
    },
    [api],
  );
  return { settings, error, saved, save };
}
