// The few browser globals the benchmarks' in-page functions use, typed here because bench/ compiles
// without the DOM library. In-page code reads them as `globalThis as unknown as PageGlobals`.

export interface PageRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PageElementList {
  readonly length: number;
  readonly [index: number]: PageElement | undefined;
}

export interface PageElement {
  textContent: string | null;
  readonly firstElementChild: PageElement | null;
  readonly classList: { contains(name: string): boolean };
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly clientWidth: number;
  readonly offsetHeight: number;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  getElementsByClassName(name: string): PageElementList;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): PageRect;
}

export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): { readonly length: number };
    getElementsByTagName(name: string): { readonly length: number };
  };
  location: { hash: string };
  requestAnimationFrame(callback: (time: number) => void): number;
  PerformanceObserver: new (
    callback: (list: { getEntries(): { duration: number }[] }) => void,
  ) => { observe(options: { type: string }): void; disconnect(): void };
  performance: {
    now(): number;
    getEntriesByType(type: string): Record<string, number>[];
    getEntriesByName(name: string): { startTime: number }[];
  };
}
