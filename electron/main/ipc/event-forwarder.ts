// Sends every core event to the window as {name, payload} on the event channel.

import type { EngineEvents } from '../../core/events/engine-events.ts';
import { EVENT_CHANNEL } from '../../shared/app-api/bridge.ts';
import { APP_EVENT_NAMES, type AppEvent } from '../../shared/app-api/events.ts';

export interface EventReceiver {
  isDestroyed(): boolean;
  send(channel: string, message: AppEvent): void;
}

/** Forwards until the returned function is called; events with no live window are dropped. */
export function forwardEvents(
  events: Pick<EngineEvents, 'on'>,
  target: () => EventReceiver | null,
): () => void {
  const stops = APP_EVENT_NAMES.map((name) =>
    events.on(name, (payload) => {
      const contents = target();
      if (!contents || contents.isDestroyed()) return;
      contents.send(EVENT_CHANNEL, { name, payload } as AppEvent);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
