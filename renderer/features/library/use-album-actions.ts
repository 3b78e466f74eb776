// The album page's commands: verify its files against what was bought, and reveal its folder.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VerifySummary } from '../../../electron/shared/app-api/views.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';

export interface AlbumActions {
  verifying: boolean;
  verified: VerifySummary | null;
  verifyError: MegadiscError | null;
  verify: () => void;
  openError: MegadiscError | null;
  openFolder: () => void;
}

export function useAlbumActions(albumId: number, onVerified: () => void): AlbumActions {
  const api = useApi();
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<VerifySummary | null>(null);
  const [verifyError, setVerifyError] = useState<MegadiscError | null>(null);
  const [openError, setOpenError] = useState<MegadiscError | null>(null);
  const live = useRef(true);
  const onVerifiedRef = useRef(onVerified);
  onVerifiedRef.current = onVerified;

  // Another album on the same page: forget what the last one's commands found.
  // biome-ignore lint/correctness/useExhaustiveDependencies: albumId is the reset trigger
  useEffect(() => {
    live.current = true;
    setVerified(null);
    setVerifyError(null);
    setOpenError(null);
    return () => {
      live.current = false;
    };
  }, [albumId]);

  const verify = useCallback(() => {
    setVerifying(true);
    setVerifyError(null);
    api['library.verify']({ albumId }).then(
      (summary) => {
        if (!live.current) return;
        setVerified(summary);
        setVerifying(false);
        // Verifying updates each file's status in the index: show the new ones.
        onVerifiedRef.current();
      },
      (error: MegadiscError) => {
        if (!live.current) return;
        setVerifyError(error);
        setVerifying(false);
      },
    );
  }, [api, albumId]);

  const openFolder = useCallback(() => {
    setOpenError(null);
    api['library.openFolder']({ albumId }).catch((error: MegadiscError) => {
      if (live.current) setOpenError(error);
    });
  }, [api, albumId]);

  return { verifying, verified, verifyError, verify, openError, openFolder };
}
