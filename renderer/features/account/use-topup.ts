// Redeeming a voucher: the call, its outcome, and telling the rest of the app the balance moved.
import { useCallback, useState } from 'react';
import type { VoucherRedeemed } from '../../../api/schemas/account.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { useAppStatus } from '../../app/app-status.tsx';

export function useTopup(onCredited: () => void) {
  const api = useApi();
  const { refresh } = useAppStatus();
  const [busy, setBusy] = useState(false);
  const [redeemed, setRedeemed] = useState<VoucherRedeemed | null>(null);
  const [error, setError] = useState<MegadiscError | null>(null);

  const redeem = useCallback(
    async (code: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setRedeemed(null);
      try {
        const result = await api['account.topup']({ code: code.trim() });
        setRedeemed(result);
        refresh();
        onCredited();
        return true;
      } catch (e) {
        setError(e as MegadiscError);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, refresh, onCredited],
  );

  return { busy, redeemed, error, redeem };
}
