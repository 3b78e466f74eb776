// Catalog area "library": the Library screen (albums, tracks, one album's files) in the renderer.
export const library = {
  'library.title': 'Library',
  'library.views': 'Library views',
  'library.tab.albums': 'Albums',
  'library.tab.tracks': 'Tracks',
  'library.yearUnknown': 'Year unknown',
  'library.problems': '{count, plural, one {# problem} other {# problems}}',
  'library.empty': 'Your library is empty. Albums you buy are filed here.',
  'library.browseStore': 'Browse the store',
  'library.clearFilter': 'Clear the filter',

  // Albums tab
  'library.albums.filter': 'Filter albums',
  'library.albums.filterPlaceholder': 'Filter by album or artist',
  'library.albums.sortBy': 'Sort by',
  'library.albums.sort.artist': 'Artist',
  'library.albums.sort.album': 'Album',
  'library.albums.sort.year': 'Year',
  'library.albums.sort.added': 'Recently added',
  'library.albums.groupByArtist': 'Group by artist',
  'library.albums.count': '{count, plural, one {# album} other {# albums}} · {size}',
  'library.albums.loading': 'Loading your library…',
  'library.albums.noMatch': 'No albums match “{query}”.',

  // Tracks tab
  'library.tracks.filter': 'Filter tracks',
  'library.tracks.filterPlaceholder': 'Filter by title, artist or album',
  'library.tracks.count': '{count, plural, one {# track} other {# tracks}}',
  'library.tracks.countMatching':
    '{count, plural, one {# track matches “{query}”} other {# tracks match “{query}”}}',
  'library.tracks.loading': 'Loading tracks…',
  'library.tracks.noMatch': 'No tracks match “{query}”.',
  'library.tracks.list': 'Tracks in your library',
  'library.tracks.colArtist': 'Artist',
  'library.tracks.colAlbum': 'Album',
  'library.tracks.colNumber': '#',
  'library.tracks.colTitle': 'Title',
  'library.tracks.colEncoding': 'Encoding',
  'library.tracks.colSize': 'Size',
  'library.tracks.colStatus': 'Status',

  // File statuses
  'library.status.ok': 'OK',
  'library.status.missing': 'Missing',
  'library.status.changed': 'Changed',

  // One album
  'library.album.back': '← Albums',
  'library.album.notFound': 'Album not found',
  'library.album.notFoundText': 'This album is not in your library any more.',
  'library.album.loading': 'Loading the album…',
  'library.album.added': 'added {date}',
  'library.album.encodingsOwned': 'Encodings owned:',
  'library.album.verify': 'Verify',
  'library.album.verifying': 'Verifying…',
  'library.album.openFolder': 'Open folder',
  'library.album.folderHint': 'In your library folder under {folders}',
  'library.album.openFolderWeb':
    'Opening folders works in the desktop app. This album is in your library folder under {folders}.',
  'library.album.files': 'Files',
  'library.files.caption': 'Files of {album}',
  'library.files.colNumber': '#',
  'library.files.colTitle': 'Title',
  'library.files.colEncoding': 'Encoding',
  'library.files.colSize': 'Size',
  'library.files.colStatus': 'Status',
  'library.files.colPath': 'Path in the library',

  // Verifying
  'library.verify.summary':
    '{ok, plural, one {# file} other {# files}} OK{missing, plural, =0 {} one {, # missing} other {, # missing}}{changed, plural, =0 {} one {, # changed} other {, # changed}}',
  'library.verify.missing': 'Missing: not at their place in the library',
  'library.verify.changed': 'Changed: not the bytes you bought (edited or damaged)',

  // No longer sold
  'library.sale.badge': 'No longer sold',
  'library.sale.notInCountry': 'Not sold in your country',
  'library.sale.heading': 'No longer sold',
  'library.sale.intro': 'The store took this release down. Your files stay in your library, untouched.',
  'library.sale.redownload': 'Missing files can still be downloaded again from its page in the store.',
  'library.sale.withdrawn': 'The store withdrew re-downloads of this release: keep your files safe.',
  'library.sale.notice': 'Read the takedown notice',
  'library.sale.asOf': 'As the store said on {date}.',
  'library.sale.storePage': 'Its page in the store',
} as const;
