// Time as the core reads it: code that measures time takes a `now: () => number` option (tests pass
// their own, so they need no fake global clocks), defaulting to Date.now or, for durations, to this.

/** Milliseconds on a monotonic clock: a wall-clock step (NTP, a laptop's clock set back) cannot move it. */
export const monotonicNow = (): number => performance.now();
