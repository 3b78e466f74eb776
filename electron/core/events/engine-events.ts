// The engine's typed event stream: the CLI renders it, the app hosts forward it to the UI.

import type { AppEventMap } from '../../shared/app-api/events.ts';

/** The core emits the app API's events; hosts forward them as they are. */
export type EngineEventMap = AppEventMap;

export type EngineEventName = keyof EngineEventMap;
export type Listener<K extends EngineEventName> = (event: EngineEventMap[K]) => void;

export class EngineEvents {
  readonly #listeners = new Map<EngineEventName, Set<Listener<EngineEventName>>>();

  on<K extends EngineEventName>(name: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener as Listener<EngineEventName>);
    this.#listeners.set(name, set);
    return () => set.delete(listener as Listener<EngineEventName>);
  }

  emit<K extends EngineEventName>(name: K, event: EngineEventMap[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        listener(event);
      } catch {
        // A broken listener must not break downloads.
      }
    }
  }
}
