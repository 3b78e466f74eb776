// The encodings to offer as the default: the store's list when it answers, else the built-in one,
// so the setting can still be changed offline.
import { ENCODING_IDS, ENCODINGS, type EncodingId } from '../../../api/encodings.ts';
import { useApi } from '../../app/api-context.tsx';
import { useQuery } from '../../app/use-query.ts';

export interface EncodingChoice {
  id: EncodingId;
  label: string;
  /** Why the store cannot produce it right now, when it cannot. */
  unavailable: string | null;
}

const BUILT_IN: EncodingChoice[] = ENCODING_IDS.map((id) => ({
  id,
  label: ENCODINGS[id].label,
  unavailable: null,
}));

export function useEncodingChoices(): { choices: EncodingChoice[]; fromStore: boolean } {
  const api = useApi();
  const { data } = useQuery(() => api['store.encodings']({}), [api]);
  if (!data || data.length === 0) return { choices: BUILT_IN, fromStore: false };
  return {
    choices: data.map((e) => ({
      id: e.id,
      label: e.label,
      unavailable: e.available ? null : (e.unavailableReason ?? 'not available'),
    })),
    fromStore: true,
  };
}
