// Applies the theme setting to the document: light, dark, or whatever the OS prefers right now.
import { useEffect } from 'react';
import type { Theme } from '../../electron/shared/app-api/domain.ts';

export function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme !== 'light' && media?.matches === true);
      root.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media?.addEventListener?.('change', apply);
    return () => media?.removeEventListener?.('change', apply);
  }, [theme]);
}
