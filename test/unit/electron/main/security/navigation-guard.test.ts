import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../../../electron/main/security/app-origin.ts';
import { guardNavigation } from '../../../../../electron/main/security/navigation-guard.ts';
import { FakeWebContents, navigationEvent } from '../../../../helpers/fake-electron.ts';

function guarded(isPaymentPage?: (url: string) => boolean) {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  guardNavigation(contents as never, openExternal, isPaymentPage);
  return { contents, openExternal };
}

describe('navigation guard', () => {
  it('denies every window.open and sends only allowlisted https links to the browser', () => {
    const { contents, openExternal } = guarded();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://megadisc/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://musicbrainz.org/release/1' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://musicbrainz.org/release/1');
  });

  it.each([
    'http://evil.example/',
    'https://evil.example/',
    'file:///etc/passwd',
    'app://megadisc.evil.example/',
    'app://other/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('prevents navigation and redirects to %s', (url) => {
    const { contents, openExternal } = guarded();
    const navigation = navigationEvent(url);
    contents.emit('will-navigate', navigation, url);
    expect(navigation.defaultPrevented).toBe(true);
    const redirect = navigationEvent(url);
    contents.emit('will-redirect', redirect, url);
    expect(redirect.defaultPrevented).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('allows navigation inside app://megadisc', () => {
    const { contents } = guarded();
    for (const url of ['app://megadisc/index.html', 'app://megadisc/library/3']) {
      const navigation = navigationEvent(url);
      contents.emit('will-navigate', navigation, url);
      expect(navigation.defaultPrevented).toBe(false);
      const redirect = navigationEvent(url);
      contents.emit('will-redirect', redirect, url);
      expect(redirect.defaultPrevented).toBe(false);
    }
  });

  it('opens an allowlisted link the page navigates to in the browser, not in the window', () => {
    const { contents, openExternal } = guarded();
    const navigation = navigationEvent('https://github.com/megadisc');
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://github.com/megadisc');
  });

  it('sends the payment page of an open checkout to the browser, and no other page', () => {
    const page = 'http://127.0.0.1:8700/test-provider/pay/pay_abcdefghij12';
    const { contents, openExternal } = guarded((url) => url === page);
    expect(contents.windowOpenHandler!({ url: page })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(page);
    expect(contents.windowOpenHandler!({ url: 'http://127.0.0.1:8700/test-provider/pay/other' })).toEqual({
      action: 'deny',
    });
    const navigation = navigationEvent(page);
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(2);
  });

  it('prevents attaching a webview', () => {
    const { contents } = guarded();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('recognises the app origin only when parsed exactly', () => {
    expect(isAppUrl('app://megadisc/')).toBe(true);
    expect(isAppUrl('app://user@megadisc/')).toBe(false);
    expect(isAppUrl('app://megadisc:8080/')).toBe(false);
  });
});
