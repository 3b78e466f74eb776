// An album cover from the host's cover route, with a lettered placeholder when there is none.
import { useState } from 'react';

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
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <div className="cover cover-placeholder" role="img" aria-label={`No cover for ${title}`}>
        {title.slice(0, 1).toUpperCase()}
      </div>
    );
  }
  const path = source === 'store' ? `/covers/store/${albumId}/${size}` : `/covers/library/${albumId}`;
  return (
    <img
      className="cover"
      src={path}
      alt={`Cover of ${title}`}
      width={size}
      height={size}
      loading="lazy"
      onError={() => setFailed(true)}
    />
  );
}
