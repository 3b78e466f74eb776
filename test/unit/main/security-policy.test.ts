import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '../../../electron/main/security/external-links.ts';
import { denyAllPermissions } from '../../../electron/main/security/permission-policy.ts';

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
