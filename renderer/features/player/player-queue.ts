// The play queue as plain data: the items, the order they play in (shuffled or not), where we are,
// and what next/previous/ended lead to under each repeat mode. No React, no audio element.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';

export type RepeatMode = 'off' | 'all' | 'one';

export interface ReplayGainTags {
  trackGainDb: number | null;
  trackPeak: number | null;
  albumGainDb: number | null;
  albumPeak: number | null;
}

/** One file to play, with what the bar and the OS media controls show. */
export interface PlayerItem {
  fileId: number;
  albumId: number;
  title: string;
  artist: string;
  album: string;
  encoding: EncodingId;
  replayGain: ReplayGainTags;
}

export interface PlayQueue {
  items: PlayerItem[];
  /** Indexes into items, in playing order. */
  order: number[];
  /** Where in `order` we are. */
  position: number;
  shuffle: boolean;
  repeat: RepeatMode;
}

export function currentItem(queue: PlayQueue): PlayerItem | null {
  const index = queue.order[queue.position];
  return index === undefined ? null : (queue.items[index] ?? null);
}

/** Fisher–Yates over a copy, with the random source injected so tests can fix it. */
function shuffled(values: number[], random: () => number): number[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Shuffled: the chosen item first, the rest in random order; else the list order from it. */
function orderFrom(count: number, start: number, shuffle: boolean, random: () => number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (!shuffle) return all;
  return [
    start,
    ...shuffled(
      all.filter((i) => i !== start),
      random,
    ),
  ];
}

export function newQueue(
  items: PlayerItem[],
  start: number,
  settings: { shuffle: boolean; repeat: RepeatMode },
  random: () => number,
): PlayQueue {
  const first = Math.max(0, Math.min(start, items.length - 1));
  const order = orderFrom(items.length, first, settings.shuffle, random);
  return { items, order, position: order.indexOf(first), ...settings };
}

/** Turning shuffle on or off keeps the current item playing and reorders the rest around it. */
export function withShuffle(queue: PlayQueue, shuffle: boolean, random: () => number): PlayQueue {
  const current = queue.order[queue.position] ?? 0;
  const order = orderFrom(queue.items.length, current, shuffle, random);
  return { ...queue, shuffle, order, position: order.indexOf(current) };
}

/**
 * Where the queue goes after the current item: 'ended' when it finished by itself (repeat one
 * plays it again), 'skip' when the listener pressed Next. null: nothing more to play.
 */
export function nextPosition(queue: PlayQueue, why: 'ended' | 'skip'): number | null {
  if (queue.order.length === 0) return null;
  if (why === 'ended' && queue.repeat === 'one') return queue.position;
  if (queue.position + 1 < queue.order.length) return queue.position + 1;
  return queue.repeat === 'off' ? null : 0;
}

/** The item before; at the start, the last one when repeating, else the first again. */
export function previousPosition(queue: PlayQueue): number {
  if (queue.position > 0) return queue.position - 1;
  return queue.repeat === 'off' ? 0 : Math.max(0, queue.order.length - 1);
}

export const REPEAT_CYCLE: Record<RepeatMode, RepeatMode> = { off: 'all', all: 'one', one: 'off' };
