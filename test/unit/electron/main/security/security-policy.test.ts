import { describe, expect, it, vi } from 'vitest';
import {
  isAllowedExternalUrl,
  openExternalSafely,
  openPaymentPageSafely,
} from '../../../../../electron/main/security/external-links.ts';
import { denyAllPermissions } from '../../../../../electron/main/security/permission-policy.ts';

describe('permission policy', () => {
  it('denies every permission request and check', () => {
    let request: ((...args: any[]) => void) | null = null;
    let check: ((...args: any[]) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h: any) => {
        request = h;
      },
      setPermissionCheckHandler: (h: any) => {
        check = h;
      },
    } as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback, { requestingUrl: 'app://megadisc/' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check!({}, permission, 'app://megadisc', {})).toBe(false);
    }
  });
});

describe('external links', () => {
  it.each([
    'https://musicbrainz.org/release/abc',
    'https://github.com/megadisc/megadisc',
    'https://MusicBrainz.org/',
  ])('opens %s', (url) => {
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(isAllowedExternalUrl(url)).toBe(true);
    expect(openExternalSafely(shell, url)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it.each([
    'http://musicbrainz.org/release/abc',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://evil.example/',
    'https://musicbrainz.org.evil.example/',
    'https://evil.example/?musicbrainz.org',
    'https://user:pw@github.com/',
    'https://github.com:8443/',
    'smb://github.com/share',
    'app://megadisc/index.html',
    '',
  ])('refuses %s', (url) => {
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(isAllowedExternalUrl(url)).toBe(false);
    expect(openExternalSafely(shell, url)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('payment pages', () => {
  const issued = new Set([
    'http://127.0.0.1:8700/test-provider/pay/pay_abcdefghij12',
    'https://checkout.stripe.com/c/pay/cs_test_1',
    'http://pay.example/pay_x',
  ]);
  const isPaymentPage = (url: string) => issued.has(url);

  it.each([
    'http://127.0.0.1:8700/test-provider/pay/pay_abcdefghij12',
    'https://checkout.stripe.com/c/pay/cs_test_1',
  ])('opens %s, a page the store returned for an open checkout', (url) => {
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(openPaymentPageSafely(shell, url, isPaymentPage)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it.each([
    // Issued, but plain http away from this computer.
    'http://pay.example/pay_x',
    // The right kind of URL, but no open checkout has it.
    'http://127.0.0.1:8700/test-provider/pay/pay_zzzzzzzzzz12',
    'https://checkout.stripe.com/c/pay/cs_test_2',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(openPaymentPageSafely(shell, url, isPaymentPage)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
