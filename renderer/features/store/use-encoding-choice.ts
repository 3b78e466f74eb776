// The encoding picked on an album page: the listener's choice, else their default from Settings,
// else the first one the store can make.
import { useEffect, useState } from 'react';
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { EncodingQuote } from '../../../electron/shared/app-api/domain.ts';
import { useApi } from '../../app/api-context.tsx';

export function useEncodingChoice(quotes: EncodingQuote[] | undefined) {
  const api = useApi();
  const [preferred, setPreferred] = useState<EncodingId | null>(null);
  const [chosen, setChosen] = useState<EncodingId | null>(null);

  useEffect(() => {
    let live = true;
    api['settings.get']({}).then(
      (s) => live && setPreferred(s.defaultEncoding),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const available = (id: EncodingId | null) => quotes?.find((q) => q.encoding === id && q.available);
  const effective =
    available(chosen)?.encoding ??
    available(preferred)?.encoding ??
    quotes?.find((q) => q.available)?.encoding ??
    null;
  return { encoding: effective, choose: setChosen };
}
