// Catalog area "shell": the window around the screens (navigation, status panel, offline badge,
// search box, notifications) and the shared components.
export const shell = {
  'shell.skipLink': 'Skip to content',
  'shell.nav.label': 'Sections',
  'shell.nav.store': 'Store',
  'shell.nav.downloads': 'Downloads',
  'shell.nav.library': 'Library',
  'shell.nav.account': 'Account',
  'shell.nav.settings': 'Settings',
  'shell.status.label': 'Balance',
  'shell.status.available': 'Available',
  'shell.status.reserved': '{size} reserved',
  'shell.offline': 'Offline — store unreachable',
  'shell.offline.asOf': 'Offline — store unreachable; balance as of {time}',
  'shell.search.label': 'Search the store',
  'shell.search.placeholder': 'Search artists, albums, tracks',
  'shell.toast.albumFiled':
    '{artist} — {album} is in your library ({count, plural, one {# track} other {# tracks}}).',
  'shell.toasts.label': 'Notifications',
  'shell.toasts.dismiss': 'Dismiss',
  'shell.cover.alt': 'Cover of {title}',
  'shell.cover.none': 'No cover for {title}',
} as const;
