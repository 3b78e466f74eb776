// The Content-Security-Policy and companion headers sent with every app:// response.
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';

export { CONTENT_SECURITY_POLICY };

/** Headers every app:// response carries, whatever its status. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
