// Asks before cancelling: a cancelled track is not downloaded, but the store charged it when it
// encoded it, so this is not a refund.
import { useI18n } from '../../app/i18n-context.tsx';
import { Dialog } from '../../components/Dialog.tsx';

export interface CancelRequest {
  /** What is cancelled, in words: "Low Tide Signals" or "Harbor Lights". */
  what: string;
  jobIds: number[];
}

export function CancelDialog({
  request,
  onConfirm,
  onClose,
}: {
  request: CancelRequest;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const count = request.jobIds.length;
  return (
    <Dialog title={i18n.t('downloads.cancel.title', { what: request.what })} onClose={onClose}>
      <p>{i18n.t('downloads.cancel.body', { count })}</p>
      <p className="muted">{i18n.t('downloads.cancel.noRefund')}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {i18n.t('downloads.cancel.keep')}
        </button>
        <button type="button" className="button dl-danger" onClick={onConfirm}>
          {i18n.t('downloads.cancel.confirm', { count })}
        </button>
      </div>
    </Dialog>
  );
}
