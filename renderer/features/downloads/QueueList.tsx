// The albums still downloading, in queue order, reordered by dragging or from the keyboard. A move
// becomes downloads.move calls (see queue-order.ts); the focus follows the album that moved.
import { useRef, useState } from 'react';
import type { DownloadGroup } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { type Direction, DownloadGroupItem } from './DownloadGroupItem.tsx';
import type { GroupProgress } from './group-progress.ts';
import type { JobHandlers } from './JobRow.tsx';
import type { MoveCall } from './queue-order.ts';
import { planGroupMove } from './queue-order.ts';

export interface QueueRow {
  group: DownloadGroup;
  progress: GroupProgress;
}

interface FocusRequest {
  purchaseId: number;
  direction: Direction;
  /** Where the album will be once the list has caught up; the focus moves then. */
  index: number;
}

export function QueueList({
  allGroups,
  rows,
  handlers,
  move,
  announce,
}: {
  /** Every group in queue order, finished ones too: places count every job. */
  allGroups: DownloadGroup[];
  rows: QueueRow[];
  handlers: JobHandlers;
  move: (calls: MoveCall[]) => Promise<boolean>;
  announce: (text: string) => void;
}) {
  const i18n = useI18n();
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropOn, setDropOn] = useState<number | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const moving = useRef(false);
  // Albums still being ordered have no jobs to move yet.
  const movable = rows.filter((r) => r.group.jobs.length > 0);
  const indexOf = (purchaseId: number | null) => movable.findIndex((r) => r.group.purchaseId === purchaseId);

  /** Moves the album `purchaseId` to where the album `targetId` is now. */
  const moveGroup = async (purchaseId: number, targetId: number) => {
    if (moving.current) return;
    const from = allGroups.findIndex((g) => g.purchaseId === purchaseId);
    const to = allGroups.findIndex((g) => g.purchaseId === targetId);
    const calls = planGroupMove(
      allGroups.map((g) => g.jobs.map((j) => j.id)),
      from,
      to,
    );
    if (calls.length === 0) return;
    moving.current = true;
    try {
      if (!(await move(calls))) return;
    } finally {
      moving.current = false;
    }
    const index = indexOf(targetId);
    const direction: Direction = index < indexOf(purchaseId) ? 'up' : 'down';
    announce(
      i18n.t('downloads.queue.moved', {
        album: allGroups[from]?.albumTitle ?? '',
        place: index + 1,
        count: movable.length,
      }),
    );
    setFocus({ purchaseId, direction, index });
  };

  return (
    <ol className="dl-groups">
      {rows.map((row) => {
        const id = row.group.purchaseId;
        const index = indexOf(id);
        const from = indexOf(dragging);
        const canMove = index >= 0;
        return (
          <DownloadGroupItem
            key={id}
            group={row.group}
            progress={row.progress}
            handlers={handlers}
            libraryHref={null}
            focusMove={focus?.purchaseId === id && focus.index === index ? focus : null}
            move={
              canMove
                ? {
                    canUp: index > 0,
                    canDown: index < movable.length - 1,
                    onMove: (direction) => {
                      const target = movable[direction === 'up' ? index - 1 : index + 1];
                      if (target) void moveGroup(id, target.group.purchaseId);
                    },
                  }
                : undefined
            }
            drag={
              canMove
                ? {
                    draggable: movable.length > 1,
                    dragging: dragging === id,
                    dropSide:
                      dropOn === id && dragging !== null && dragging !== id
                        ? from < index
                          ? 'after'
                          : 'before'
                        : null,
                    onDragStart: () => setDragging(id),
                    onDragOver: () => setDropOn(id),
                    onDrop: () => {
                      const source = dragging;
                      setDragging(null);
                      setDropOn(null);
                      if (source !== null && source !== id) void moveGroup(source, id);
                    },
                    onDragEnd: () => {
                      setDragging(null);
                      setDropOn(null);
                    },
                  }
                : undefined
            }
          />
        );
      })}
    </ol>
  );
}
