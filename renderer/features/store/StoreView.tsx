// The Store screen: home, search results, an artist or an album, as the route says.
import type { Route } from '../../app/router.ts';
import { AlbumPage } from './AlbumPage.tsx';
import { ArtistPage } from './ArtistPage.tsx';
import { SearchPage } from './SearchPage.tsx';
import { StoreHome } from './StoreHome.tsx';
import './store.css';

export function StoreView({ route }: { route: Extract<Route, { view: 'store' }> }) {
  switch (route.page) {
    case 'home':
      return <StoreHome />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'artist':
      return <ArtistPage id={route.id} />;
    case 'album':
      return <AlbumPage id={route.id} />;
  }
}
