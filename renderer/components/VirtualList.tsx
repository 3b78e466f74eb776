// A windowed list: only the rows in view (plus a margin) are in the DOM, so 100k rows scroll
// like 100. Rows have a fixed height; the parent fetches data for the range it is told about.
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Rows rendered above and below the visible ones. */
  overscan?: number;
  label: string;
  renderRow: (index: number) => ReactNode;
  /** Called with the first and last index in view (after overscan) when they change. */
  onRangeChange?: (start: number, end: number) => void;
  className?: string;
}

export function VirtualList({
  count,
  rowHeight,
  overscan = 8,
  label,
  renderRow,
  onRangeChange,
  className,
}: VirtualListProps) {
  const ref = useRef<HTMLElement>(null);
  const [scroll, setScroll] = useState({ top: 0, delta: 0 });
  const scrollTop = scroll.top;
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || 600);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Rows render a frame after the scroll that reveals them, so a fast fling would show a blank
  // strip at the leading edge: reach further ahead in the direction of travel, by the last step.
  // A jump further than a screen lands among new rows anyway: no reach-ahead for it.
  const ahead = Math.abs(scroll.delta) > height ? 0 : Math.ceil(Math.abs(scroll.delta) / rowHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan - (scroll.delta < 0 ? ahead : 0));
  const last = Math.min(
    count - 1,
    Math.ceil((scrollTop + height) / rowHeight) + overscan + (scroll.delta > 0 ? ahead : 0),
  );

  useEffect(() => {
    if (count > 0) onRangeChange?.(first, last);
  }, [first, last, count, onRangeChange]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      const element = ref.current;
      if (!element) return;
      const moves: Record<string, number> = {
        ArrowDown: rowHeight,
        ArrowUp: -rowHeight,
        PageDown: height,
        PageUp: -height,
      };
      if (event.key in moves) element.scrollTop += moves[event.key]!;
      else if (event.key === 'Home') element.scrollTop = 0;
      else if (event.key === 'End') element.scrollTop = count * rowHeight;
      else return;
      event.preventDefault();
    },
    [rowHeight, height, count],
  );

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <li
        key={i}
        aria-setsize={count}
        aria-posinset={i + 1}
        className="virtual-row"
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(i)}
      </li>,
    );
  }

  return (
    <section
      ref={ref}
      className={`virtual-list ${className ?? ''}`}
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        setScroll((previous) => ({ top, delta: top - previous.top }));
      }}
      onKeyDown={onKeyDown}
    >
      <ul className="virtual-spacer" aria-label={label} style={{ height: count * rowHeight }}>
        {rows}
      </ul>
    </section>
  );
}
