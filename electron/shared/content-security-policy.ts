// The renderer's Content-Security-Policy, one string for both hosts (Electron's app:// protocol and
// web mode): only our own packaged files, no inline script or style, nothing from elsewhere.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // The library player (and store previews) play audio from our own origin only.
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
