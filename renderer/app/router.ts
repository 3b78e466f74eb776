// Hash routes, so the same build works from app://megadisc/ in Electron and from web mode.
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'store'; page: 'home' }
  | { view: 'store'; page: 'search'; q: string }
  | { view: 'store'; page: 'album'; id: number }
  | { view: 'store'; page: 'artist'; id: number }
  | { view: 'downloads' }
  | { view: 'library'; page: 'albums' | 'tracks' }
  | { view: 'library'; page: 'album'; id: number }
  | { view: 'account' }
  | { view: 'settings' };

export type ViewName = Route['view'];

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const id = Number(parts[2]);
  switch (parts[0]) {
    case 'downloads':
      return { view: 'downloads' };
    case 'account':
      return { view: 'account' };
    case 'settings':
      return { view: 'settings' };
    case 'library':
      if (parts[1] === 'album' && Number.isInteger(id) && id > 0)
        return { view: 'library', page: 'album', id };
      return { view: 'library', page: parts[1] === 'tracks' ? 'tracks' : 'albums' };
    default:
      if (parts[1] === 'album' && Number.isInteger(id) && id > 0) return { view: 'store', page: 'album', id };
      if (parts[1] === 'artist' && Number.isInteger(id) && id > 0)
        return { view: 'store', page: 'artist', id };
      if (parts[1] === 'search')
        return { view: 'store', page: 'search', q: new URLSearchParams(query).get('q') ?? '' };
      return { view: 'store', page: 'home' };
  }
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'store':
      if (route.page === 'album' || route.page === 'artist') return `#/store/${route.page}/${route.id}`;
      if (route.page === 'search') return `#/store/search?q=${encodeURIComponent(route.q)}`;
      return '#/store';
    case 'library':
      return route.page === 'album' ? `#/library/album/${route.id}` : `#/library/${route.page}`;
    default:
      return `#/${route.view}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
