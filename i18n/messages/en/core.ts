// Catalog area "core": text the app shows itself, outside the React UI: OS notifications, the
// desktop shell's start-up error, and web mode's own pages and refusals.
export const core = {
  'core.albumFiled.title': 'Album added to your library',
  'core.albumFiled.body': '{artist} — {album}',
  'core.desktop.startFailed': 'Megadisc could not start',
  'core.web.unauthorized.title': 'Megadisc',
  'core.web.unauthorized.heading': 'Megadisc web mode',
  'core.web.unauthorized.body':
    'This page needs its access token. Open the address that {command} printed in the terminal (it ends in {suffix}).',
  'core.web.refused.host': 'this server answers only to 127.0.0.1 and localhost',
  'core.web.refused.crossSite': 'cross-site requests are refused',
  'core.web.refused.origin': 'requests from {origin} are refused',
  'core.web.refused.wrongToken': 'wrong access token',
  'core.web.refused.noToken': 'no access token',
  'core.web.refused.noOrigin': 'a request with a cookie must carry an Origin header',
  'core.web.badTarget': 'bad request target',
  'core.web.methodNotAllowed': 'method not allowed',
  'core.web.failed': 'the web host failed',
  'core.web.badPath': 'bad path',
  'core.web.notFound': 'not found',
  'core.web.notBuilt': 'the UI is not built: run "npm run build", then reload',
} as const;
