// Placeholder: replaced by the library feature.
import type { Route } from '../../app/router.ts';

export function LibraryView({ route }: { route: Extract<Route, { view: 'library' }> }) {
  return <h1>Library ({route.page})</h1>;
}
