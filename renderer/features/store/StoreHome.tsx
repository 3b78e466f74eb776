// The store's front page: new releases, the charts and the genres, as the store lists them.
import type { Genre } from '../../../api/schemas/catalog.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { richText } from '../../components/rich-text.tsx';
import { AlbumGrid } from './AlbumGrid.tsx';
import { useStoreHome } from './use-catalog.ts';

export function StoreHome() {
  const i18n = useI18n();
  const { data, error, reload } = useStoreHome();
  if (error && !data) {
    return (
      <>
        <h1>{i18n.t('store.home.title')}</h1>
        <ErrorNotice error={error} onRetry={reload} />
      </>
    );
  }
  if (!data) return <Loading label={i18n.t('store.home.loading')} />;

  const empty = data.newReleases.length === 0 && data.charts.length === 0;
  return (
    <div className="store-home">
      <h1>{i18n.t('store.home.title')}</h1>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {empty ? (
        <div className="store-empty">
          <p>{i18n.t('store.home.empty')}</p>
          <p className="muted">
            {richText(i18n, 'store.home.emptyHint', {
              link: (
                <a href={hrefOf({ view: 'library', page: 'albums' })}>{i18n.t('store.home.emptyHintLink')}</a>
              ),
            })}
          </p>
        </div>
      ) : null}
      {data.newReleases.length > 0 ? (
        <section aria-labelledby="store-new">
          <h2 id="store-new">{i18n.t('store.home.newReleases')}</h2>
          <AlbumGrid albums={data.newReleases} label={i18n.t('store.home.newReleases')} />
        </section>
      ) : null}
      {data.charts.length > 0 ? (
        <section aria-labelledby="store-charts">
          <h2 id="store-charts">{i18n.t('store.home.charts')}</h2>
          <AlbumGrid albums={data.charts} label={i18n.t('store.home.charts')} ranked />
        </section>
      ) : null}
      {data.genres.length > 0 ? <GenreChips genres={data.genres} /> : null}
    </div>
  );
}

function GenreChips({ genres }: { genres: Genre[] }) {
  const i18n = useI18n();
  return (
    <section aria-labelledby="store-genres">
      <h2 id="store-genres">{i18n.t('store.home.genres')}</h2>
      <ul className="store-genres">
        {genres.map((genre) => (
          <li key={genre.slug} className="store-genre">
            <span>{genre.name}</span>
            <span className="store-genre-count">
              <span aria-hidden="true">{i18n.number(genre.albumCount)}</span>
              <span className="visually-hidden">
                {i18n.t('common.count.albums', { count: genre.albumCount })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
