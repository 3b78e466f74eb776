// Asks before cancelling: a cancelled track is not downloaded, but the store charged it when it
// encoded it, so this is not a refund.
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
  const tracks = request.jobIds.length === 1 ? '1 track' : `${request.jobIds.length} tracks`;
  return (
    <Dialog title={`Cancel ${request.what}?`} onClose={onClose}>
      <p>{tracks} will not be downloaded. Tracks already in your library stay there.</p>
      <p className="muted">
        Cancelling does not refund: the store charges each track once it has encoded it.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Keep downloading
        </button>
        <button type="button" className="button dl-danger" onClick={onConfirm}>
          Cancel {tracks}
        </button>
      </div>
    </Dialog>
  );
}
