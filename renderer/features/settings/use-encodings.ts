// The encodings to offer as the default: the store's list when it answers, else the built-in one,
// so the setting can still be changed offline.
import { ENCODING_IDS, ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import { useApi } from '../../app/api-context.tsx';
import { useQuery } from '../../app/use-query.ts';

export interface EncodingChoice {
  id: EncodingId;
  label: string;
  /** Whether the store can produce it right now. */
  available: boolean;
  /** Why it cannot, in the store's words, when the store says. */
  unavailableReason: string | null;
}

const BUILT_IN: EncodingChoice[] = ENCODING_IDS.map((id) => ({
  id,
  label: ENCODINGS[id].label,
  available: true,
  unavailableReason: null,
}));

export function useEncodingChoices(): { choices: EncodingChoice[]; fromStore: boolean } {
  const api = useApi();
  const { data } = useQuery(() => api['store.encodings']({}), [api]);
  if (!data || data.length === 0) return { choices: BUILT_IN, fromStore: false };
  return {
    choices: data.map((e) => ({
      id: e.id,
      label: e.label,
      available: e.available,
      unavailableReason: e.available ? null : (e.unavailableReason ?? null),
    })),
    fromStore: true,
  };
}
