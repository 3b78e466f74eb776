// Short-lived messages in a live region (album filed, settings saved), readable by screen readers.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Translator } from '../../i18n/translator.ts';
import { useI18n } from '../app/i18n-context.tsx';

/** Worded when shown, in the language of the moment: a toast on screen follows a language switch. */
export type ToastText = (i18n: Translator) => string;

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: ToastText;
}

const ToastContext = createContext<{ push: (kind: Toast['kind'], text: ToastText) => void } | null>(null);

export function ToastProvider({ children, timeoutMs = 6000 }: { children: ReactNode; timeoutMs?: number }) {
  const i18n = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (kind: Toast['kind'], text: ToastText) => {
      const id = Date.now() + Math.random();
      setToasts((list) => [...list.slice(-3), { id, kind, text }]);
      setTimeout(() => dismiss(id), timeoutMs);
    },
    [dismiss, timeoutMs],
  );
  const value = useMemo(() => ({ push }), [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toasts" aria-live="polite" aria-label={i18n.t('shell.toasts.label')}>
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`}>
            <span>{t.text(i18n)}</span>
            <button
              type="button"
              className="button-icon"
              aria-label={i18n.t('shell.toasts.dismiss')}
              onClick={() => dismiss(t.id)}
            >
              ×
            </button>
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToasts() {
  const context = useContext(ToastContext);
  if (!context) throw new Error('useToasts outside ToastProvider');
  return context;
}
