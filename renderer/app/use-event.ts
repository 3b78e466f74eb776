// Subscribes a component to one core event for as long as it is mounted.
import { useEffect, useRef } from 'react';
import type { AppEventMap, AppEventName } from '../../electron/shared/app-api/events.ts';
import { useApi } from './api-context.tsx';

export function useEvent<K extends AppEventName>(name: K, handler: (payload: AppEventMap[K]) => void): void {
  const api = useApi();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === name) ref.current(event.payload as AppEventMap[K]);
      }),
    [api, name],
  );
}
