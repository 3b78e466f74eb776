// Live preview of a path template: asks the core (its parser is the one that files purchases)
// once typing pauses, and reports either example paths or why the template cannot be used.
import { useEffect, useState } from 'react';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import type { Translator } from '../../../i18n/index.ts';
import { useApi } from '../../app/api-context.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';

export interface PathPreviewState {
  examples: string[];
  /** Why the template is refused, in words; null when it is fine. */
  error: string | null;
  /** Whether the preview is for an older text than the one in the field. */
  pending: boolean;
}

/**
 * "path template "{x}", at 2: unknown field {x}…" reads better as "At character 2: unknown field…".
 * The reason is the core's parser's own text.
 */
export function templateErrorText(message: string, i18n: Translator): string {
  const match = /^path template .*, at (\d+): (.*)$/s.exec(message);
  return match
    ? i18n.t('settings.pathTemplate.errorAt', { position: Number(match[1]), reason: match[2]! })
    : message;
}

export function usePathPreview(template: string | null, delayMs = 250): PathPreviewState {
  const api = useApi();
  const i18n = useI18n();
  const settled = useDebouncedValue(template, delayMs);
  const [result, setResult] = useState<{ for: string; examples: string[]; error: string | null } | null>(
    null,
  );

  useEffect(() => {
    if (settled === null) return;
    let live = true;
    api['settings.previewPath']({ template: settled }).then(
      (preview) => {
        if (live) setResult({ for: settled, examples: preview.examples, error: null });
      },
      (e: MegadiscError) => {
        if (!live) return;
        // Only a refused template blocks saving; a host that cannot preview right now does not.
        const refused = e.code === 'INVALID_ARGUMENT';
        setResult({ for: settled, examples: [], error: refused ? e.message : null });
      },
    );
    return () => {
      live = false;
    };
  }, [api, settled]);

  return {
    examples: result?.examples ?? [],
    error: result?.error ? templateErrorText(result.error, i18n) : null,
    pending: template !== null && result?.for !== template,
  };
}
