// Renderer test setup: unmount between tests, and the browser APIs jsdom lacks.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// findBy/waitFor wait for renders that are certain to come, only late on a loaded machine: the
// library's default of 1 s failed a poll on a CI-like box at load 7 (2 cores). A missing render
// still fails, after 10 s.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener() {},
      removeEventListener() {},
    }) as unknown as MediaQueryList;
}
