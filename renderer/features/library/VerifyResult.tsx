// What a verify run found for one album: all intact, or which files are missing or changed.
import type { VerifySummary } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';

export function VerifyResult({ summary }: { summary: VerifySummary }) {
  const i18n = useI18n();
  const problems = summary.missing.length + summary.changed.length;
  const headline = i18n.t('library.verify.summary', {
    ok: summary.ok,
    missing: summary.missing.length,
    changed: summary.changed.length,
  });
  return (
    <div className={`notice verify-result ${problems === 0 ? 'notice-ok' : 'notice-warn'}`}>
      <div>
        <p className="verify-headline">{headline}</p>
        {summary.missing.length > 0 ? (
          <PathList title={i18n.t('library.verify.missing')} paths={summary.missing} />
        ) : null}
        {summary.changed.length > 0 ? (
          <PathList title={i18n.t('library.verify.changed')} paths={summary.changed} />
        ) : null}
      </div>
    </div>
  );
}

function PathList({ title, paths }: { title: string; paths: string[] }) {
  return (
    <div className="verify-list">
      <p>{title}</p>
      <ul>
        {paths.map((p) => (
          <li key={p} className="path">
            {p}
          </li>
        ))}
      </ul>
    </div>
  );
}
