// The clock the UI schedules with (polling a checkout, for one), injected so tests step time
// instead of waiting for it.
import { createContext, type ReactNode, useContext } from 'react';

export interface Timers {
  /** Calls fn once after ms; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
  now(): number;
}

export const browserTimers: Timers = {
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
  now: () => Date.now(),
};

const TimersContext = createContext<Timers>(browserTimers);

export function TimersProvider({ timers, children }: { timers: Timers; children: ReactNode }) {
  return <TimersContext.Provider value={timers}>{children}</TimersContext.Provider>;
}

export function useTimers(): Timers {
  return useContext(TimersContext);
}
