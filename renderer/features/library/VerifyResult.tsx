// What a verify run found for one album: all intact, or which files are missing or changed.
import type { VerifySummary } from '../../../electron/shared/app-api/views.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function VerifyResult({ summary }: { summary: VerifySummary }) {
  const problems = summary.missing.length + summary.changed.length;
  const headline =
    problems === 0
      ? `${plural(summary.ok, 'file', 'files')} OK`
      : [
          `${plural(summary.ok, 'file', 'files')} OK`,
          summary.missing.length ? `${summary.missing.length} missing` : null,
          summary.changed.length ? `${summary.changed.length} changed` : null,
        ]
          .filter(Boolean)
          .join(', ');
  return (
    <div className={`notice verify-result ${problems === 0 ? 'notice-ok' : 'notice-warn'}`}>
      <div>
        <p className="verify-headline">{headline}</p>
        {summary.missing.length > 0 ? (
          <PathList title="Missing: not at their place in the library" paths={summary.missing} />
        ) : null}
        {summary.changed.length > 0 ? (
          <PathList title="Changed: not the bytes you bought (edited or damaged)" paths={summary.changed} />
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
