// The scroll loop that runs inside the page (passed to page.evaluate, so it must not reach outside
// itself): scrolls a list by script on animation frames and records each frame's time and content.
//
// It never reads layout (scrollTop, sizes, hit tests) once the loop runs: in a rAF callback that would
// force the layout of the list's last render early, and that alone doubled the Tracks view's slow
// frames when tried. So it keeps the scroll position itself and reads the virtual rows' indices
// from their aria-posinset attributes.
import type { PageGlobals } from './page-globals.ts';

export interface VirtualRowsView {
  /** Class of the positioned rows (each carries aria-posinset, 1-based). */
  rowClass: string;
  /** Class of a row's first child while its data has not arrived. */
  placeholderClass: string;
}

export interface ScrollProbeOptions {
  /** The scrolling element. */
  listSelector: string;
  /** Counted each frame, for the peak number of rows in the DOM. */
  rowClass: string;
  rowHeight: number;
  /** How to tell what a frame shows; null for static pages, which are always fully drawn. */
  view: VirtualRowsView | null;
  /** Steady scrolls from the top: scrollTop += stepPx every frame, for ms (or to the bottom). */
  glides: { name: string; stepPx: number; ms: number }[];
  /** Drag: top to bottom in this many frames, as when dragging the scrollbar's thumb. */
  dragFrames: number;
  /** Jumps to random places, each waited on until its rows show data (or jumpTimeoutMs). */
  jumps: number;
  jumpTimeoutMs: number;
  /** Drag and jumps stop early after this long, so a page that draws slowly still ends in time. */
  phaseMaxMs: number;
  seed: number;
}

export interface PhaseRecord {
  name: string;
  /** Time between consecutive animation frames (rAF timestamps), ms. */
  frames: number[];
  /** Frames that, after their scroll, had part of the view with no row rendered. */
  blankFrames: number;
  /** Frames with a row in view whose data had not arrived. */
  placeholderFrames: number;
  scrolledPx: number;
  /** Stopped by phaseMaxMs before it was through. */
  cutShort: boolean;
}

export interface ScrollProbeResult {
  phases: PhaseRecord[];
  /** Per jump: ms from the frame that jumped to the first frame showing data everywhere (NaN: timed out). */
  jumpToContentMs: number[];
  /** Durations of long tasks (> 50 ms) seen by PerformanceObserver, ms; null when unsupported. */
  longTasks: number[] | null;
  peakDomRows: number;
  domRowsAtEnd: number;
  domElementsAtEnd: number;
}

export async function scrollProbe(o: ScrollProbeOptions): Promise<ScrollProbeResult> {
  const { document, requestAnimationFrame, PerformanceObserver, performance } =
    globalThis as unknown as PageGlobals;
  const list = document.querySelector(o.listSelector);
  if (!list) throw new Error(`no ${o.listSelector} in the page`);
  let longTasks: number[] | null = null;
  let observer: { disconnect(): void } | null = null;
  try {
    const seen: number[] = [];
    const longTaskObserver = new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) seen.push(entry.duration);
    });
    longTaskObserver.observe({ type: 'longtask' });
    observer = longTaskObserver;
    longTasks = seen;
  } catch {
    observer = null;
  }
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  let state = o.seed >>> 0; // mulberry32: the same jumps in every page and every run
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  // Read once, before the loop, while nothing is pending.
  const height = list.clientHeight;
  const maxTop = list.scrollHeight - height;
  let pos = 0;
  const scrollTo = (top: number) => {
    pos = Math.max(0, Math.min(maxTop, Math.round(top)));
    list.scrollTop = pos;
  };
  const counted = list.getElementsByClassName(o.rowClass);
  let peakDomRows = counted.length;
  const view = o.view;
  const rows = view ? list.getElementsByClassName(view.rowClass) : null;
  /** What this frame will paint: rAF callbacks are the last script before style, layout and paint. */
  const look = () => {
    peakDomRows = Math.max(peakDomRows, counted.length);
    if (!view || !rows) return { blank: false, placeholder: false };
    const n = rows.length;
    if (n === 0) return { blank: true, placeholder: false };
    // React keeps the rows in index order, one per index from first to last.
    const first = Number(rows[0]!.getAttribute('aria-posinset')) - 1;
    const last = Number(rows[n - 1]!.getAttribute('aria-posinset')) - 1;
    const top = Math.floor(pos / o.rowHeight);
    const bottom = Math.floor((pos + height - 1) / o.rowHeight);
    const blank = top < first || bottom > last;
    let placeholder = false;
    for (let i = Math.max(top, first); i <= Math.min(bottom, last) && !placeholder; i++) {
      placeholder = rows[i - first]?.firstElementChild?.classList.contains(view.placeholderClass) ?? false;
    }
    return { blank, placeholder };
  };
  /** Waits (unrecorded) until the view shows data, so one phase's backlog does not spill into the next. */
  const settle = async () => {
    const until = performance.now() + o.jumpTimeoutMs;
    for (let i = 0; performance.now() < until; i++) {
      await nextFrame();
      const v = look();
      if (i >= 3 && !v.blank && !v.placeholder) return;
    }
  };

  const phases: PhaseRecord[] = [];
  const jumpToContentMs: number[] = [];
  type Step = (move?: () => void) => Promise<{ now: number; shows: boolean }>;
  /** Records one phase: each step waits for a frame, moves, then looks at what that frame shows. */
  const runPhase = async (name: string, body: (step: Step, phase: PhaseRecord) => Promise<void>) => {
    const phase: PhaseRecord = {
      name,
      frames: [],
      blankFrames: 0,
      placeholderFrames: 0,
      scrolledPx: 0,
      cutShort: false,
    };
    let last = await nextFrame();
    await body(async (move) => {
      const now = await nextFrame();
      phase.frames.push(now - last);
      last = now;
      const before = pos;
      move?.();
      phase.scrolledPx += Math.abs(pos - before);
      const v = look();
      if (v.blank) phase.blankFrames++;
      if (v.placeholder) phase.placeholderFrames++;
      return { now, shows: !v.blank && !v.placeholder };
    }, phase);
    phases.push(phase);
  };
  const overtime = (started: number, phase: PhaseRecord) => {
    phase.cutShort = performance.now() - started > o.phaseMaxMs;
    return phase.cutShort;
  };

  for (const glide of o.glides) {
    scrollTo(0);
    await settle();
    await runPhase(glide.name, async (step) => {
      const { now: started } = await step();
      for (let now = started; now - started < glide.ms && pos < maxTop; ) {
        ({ now } = await step(() => scrollTo(pos + glide.stepPx)));
      }
    });
  }

  scrollTo(0);
  await settle();
  await runPhase('drag', async (step, phase) => {
    const started = performance.now();
    for (let k = 1; k <= o.dragFrames && !overtime(started, phase); k++) {
      await step(() => scrollTo((maxTop * k) / o.dragFrames));
    }
  });

  await settle();
  await runPhase('jumps', async (step, phase) => {
    const started = performance.now();
    for (let j = 0; j < o.jumps && !overtime(started, phase); j++) {
      const jump = await step(() => scrollTo(random() * maxTop));
      let shownAt = jump.shows ? jump.now : Number.NaN;
      while (Number.isNaN(shownAt)) {
        const next = await step();
        if (next.shows) shownAt = next.now;
        else if (next.now - jump.now > o.jumpTimeoutMs) break;
      }
      jumpToContentMs.push(shownAt - jump.now);
    }
  });

  // Long tasks are reported after they end; give the observer a frame to deliver the last ones.
  await nextFrame();
  await nextFrame();
  observer?.disconnect();
  return {
    phases,
    jumpToContentMs,
    longTasks,
    peakDomRows,
    domRowsAtEnd: counted.length,
    domElementsAtEnd: document.getElementsByTagName('*').length,
  };
}
