// Moving a whole album in the queue with downloads.move, which places one job at a 1-based place in
// the order of every job (the core's JobStore.move). A group is moved job by job, in an order that
// keeps each call's place right: first job first when moving up, last job first when moving down.

export interface MoveCall {
  id: number;
  place: number;
}

/**
 * The calls that move group `from` to index `to` (list-move semantics: it ends up where group `to`
 * was). `groups` holds each group's job ids, groups and jobs in queue order.
 */
export function planGroupMove(groups: readonly (readonly number[])[], from: number, to: number): MoveCall[] {
  if (from === to || !groups[from] || !groups[to]) return [];
  const moving = groups[from];
  if (moving.length === 0) return [];
  const next = groups.filter((_, i) => i !== from);
  next.splice(to, 0, moving);
  const order = next.flat();
  const placeOf = (id: number) => order.indexOf(id) + 1;
  const jobs = to < from ? [...moving] : [...moving].reverse();
  return jobs.map((id) => ({ id, place: placeOf(id) }));
}
