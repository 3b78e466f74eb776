// Search as you type: the store's search page follows the box. The debounce is short (50 ms): a
// store search answers in a few ms, so results can land within ~100 ms of a keystroke (BENCHMARKS.md,
// Search latency), while a burst of keys still makes one request. A superseded answer is dropped.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n-context.tsx';
import { navigate } from '../app/router.ts';

export function SearchBox({ initial }: { initial: string }) {
  const i18n = useI18n();
  const [q, setQ] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setQ(initial), [initial]);

  const onChange = (value: string) => {
    setQ(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const searching = window.location.hash.startsWith('#/store/search');
      if (value.trim()) navigate({ view: 'store', page: 'search', q: value }, { replace: searching });
      else if (searching) navigate({ view: 'store', page: 'home' }, { replace: true });
    }, 50);
  };

  return (
    <search className="search-box">
      <label htmlFor="store-search" className="visually-hidden">
        {i18n.t('shell.search.label')}
      </label>
      <input
        id="store-search"
        type="search"
        placeholder={i18n.t('shell.search.placeholder')}
        value={q}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
    </search>
  );
}
