// Placeholder: replaced by the store feature.
import type { Route } from '../../app/router.ts';

export function StoreView({ route }: { route: Extract<Route, { view: 'store' }> }) {
  return <h1>Store ({route.page})</h1>;
}
