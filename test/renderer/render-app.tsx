// Renders the whole app over the in-memory fake API, at a route.
import { render } from '@testing-library/react';
import type { LanguageSetting } from '../../i18n/index.ts';
import type { Timers } from '../../renderer/app/timers.tsx';
import { App } from '../../renderer/shell/App.tsx';
import { FakeAppApi, type FakeState } from './fake/fake-app-api.ts';

export function renderApp(
  hash = '#/store',
  state: Partial<FakeState> = {},
  options: { timers?: Timers; language?: LanguageSetting } = {},
) {
  window.location.hash = hash;
  const fake = new FakeAppApi(state);
  if (options.language) fake.state.settings.language = options.language;
  const view = render(<App api={fake.client()} timers={options.timers} />);
  return { fake, ...view };
}
