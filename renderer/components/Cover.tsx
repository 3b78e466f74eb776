// An album cover from the host's cover route, with a lettered placeholder when there is none.
import { useState } from 'react';
import { useI18n } from '../app/i18n-context.tsx';

export function Cover({
  source,
  albumId,
  size,
  title,
}: {
  source: 'store' | 'library';
  albumId: number;
  size: number;
  title: string;
}) {
  const i18n = useI18n();
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <div className="cover cover-placeholder" role="img" aria-label={i18n.t('shell.cover.none', { title })}>
        {title.slice(0, 1).toUpperCase()}
      </div>
    );
  }
  const path = source === 'store' ? `/covers/store/${albumId}/${size}` : `/covers/library/${albumId}`;
  return (
    <img
      className="cover"
      src={path}
      alt={i18n.t('shell.cover.alt', { title })}
      width={size}
      height={size}
      loading="lazy"
      onError={() => setFailed(true)}
    />
  );
}
