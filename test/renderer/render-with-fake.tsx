// Renders the app at a route over a fake the test has already set up, optionally through a client
// the test wraps (to hold answers back, or to change what the fake says).
import { render } from '@testing-library/react';
import type { AppClient } from '../../renderer/api/app-client.ts';
import { App } from '../../renderer/shell/App.tsx';
import type { FakeAppApi } from './fake/fake-app-api.ts';

export function renderWithFake(hash: string, fake: FakeAppApi, client: AppClient = fake.client()) {
  window.location.hash = hash;
  return render(<App api={client} />);
}

/** Calls of one method the fake has seen, with their inputs. */
export function callsOf(fake: FakeAppApi, method: string): unknown[] {
  return fake.calls.filter((c) => c.method === method).map((c) => c.input);
}
