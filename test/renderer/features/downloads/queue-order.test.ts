import { describe, expect, it } from 'vitest';
import { type MoveCall, planGroupMove } from '../../../../renderer/features/downloads/queue-order.ts';

/** What the core's JobStore.move does to the order of every job. */
function applyMove(order: readonly number[], call: MoveCall): number[] {
  const rest = order.filter((id) => id !== call.id);
  rest.splice(Math.max(0, Math.min(rest.length, call.place - 1)), 0, call.id);
  return rest;
}

function groupsOf(sizes: number[]): number[][] {
  let next = 1;
  return sizes.map((n) => Array.from({ length: n }, () => next++));
}

describe('planGroupMove', () => {
  it('moves a group up with its jobs in order, each to the place it ends at', () => {
    const groups = groupsOf([2, 3, 2]);
    expect(planGroupMove(groups, 2, 0)).toEqual([
      { id: 6, place: 1 },
      { id: 7, place: 2 },
    ]);
  });

  it('moves a group down last job first', () => {
    const groups = groupsOf([2, 3, 2]);
    expect(planGroupMove(groups, 0, 1)).toEqual([
      { id: 2, place: 5 },
      { id: 1, place: 4 },
    ]);
  });

  it('does nothing for a group without jobs or a move onto itself', () => {
    expect(planGroupMove([[1], [], [2]], 1, 0)).toEqual([]);
    expect(planGroupMove(groupsOf([2, 2]), 1, 1)).toEqual([]);
  });

  it('gives, applied call by call as the core does, the list-move of groups, for every layout', () => {
    const layouts = [
      [1, 1],
      [3, 1, 2],
      [2, 0, 4, 1],
      [5, 5, 5, 5, 5],
      [1, 7, 2, 3, 1, 4],
    ];
    for (const sizes of layouts) {
      const groups = groupsOf(sizes);
      for (let from = 0; from < groups.length; from++) {
        for (let to = 0; to < groups.length; to++) {
          let order = groups.flat();
          for (const call of planGroupMove(groups, from, to)) order = applyMove(order, call);
          const expected = groups.filter((_, i) => i !== from);
          expected.splice(to, 0, groups[from]!);
          expect(order, `sizes ${sizes} from ${from} to ${to}`).toEqual(expected.flat());
        }
      }
    }
  });
});
