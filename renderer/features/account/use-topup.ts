// Redeeming a voucher: the call, its outcome, and telling the rest of the app the balance moved.
import { useCallback, useState } from 'react';
import type { VoucherRedeemed } from '../../../api/schemas/account.ts';
import { useApi } from '../../app/api-context.tsx';
import { useAppStatus } from '../../app/app-status.tsx';
import { useAction } from '../../app/use-action.ts';

export function useTopup(onCredited: () => void) {
  const api = useApi();
  const { refresh } = useAppStatus();
  const { busy, error, run } = useAction();
  const [redeemed, setRedeemed] = useState<VoucherRedeemed | null>(null);

  const redeem = useCallback(
    async (code: string): Promise<boolean> => {
      setRedeemed(null);
      const result = await run(() => api['account.topup']({ code: code.trim() }));
      if (!result.ok) return false;
      setRedeemed(result.value);
      refresh();
      onCredited();
      return true;
    },
    [api, run, refresh, onCredited],
  );

  return { busy, redeemed, error, redeem };
}
