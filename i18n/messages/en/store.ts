// Catalog area "store": the Store screen (home, search, artist, album, buying) in the renderer.
export const store = {
  'store.backToStore': 'Back to the store',
  'store.goToDownloads': 'Go to Downloads',
  'store.topUp': 'Top up in Account',

  // Home
  'store.home.title': 'Store',
  'store.home.loading': 'Loading the store…',
  'store.home.empty': 'The store has no albums yet.',
  'store.home.emptyHint': 'When it lists some, they show up here. You can still {link}.',
  'store.home.emptyHintLink': 'browse your library',
  'store.home.newReleases': 'New releases',
  'store.home.charts': 'Charts',
  'store.home.genres': 'Genres',
  'store.grid.rank': 'Number {rank}',

  // Search
  'store.search.title': 'Search',
  'store.search.titleFor': 'Search “{query}”',
  'store.search.prompt': 'Type in the search box above to find artists, albums and tracks.',
  'store.search.searching': 'Searching…',
  'store.search.noResults': 'No results for “{query}”.',
  'store.search.noResultsHint': 'Check the spelling, or try an artist, album or track name.',
  'store.search.summary':
    '{artists, plural, one {# artist} other {# artists}}, {albums, plural, one {# album} other {# albums}}, {tracks, plural, one {# track} other {# tracks}}',
  'store.search.artists': 'Artists',
  'store.search.albums': 'Albums',
  'store.search.tracks': 'Tracks',
  'store.search.more': '{count}+',
  'store.search.albumsFound': 'Albums found',
  'store.search.tracksFound': 'Tracks found',
  'store.search.colTitle': 'Title',
  'store.search.colArtist': 'Artist',
  'store.search.colAlbum': 'Album',
  'store.search.colLength': 'Length',

  // Artist
  'store.artist.eyebrow': 'Artist',
  'store.artist.loading': 'Loading the artist…',
  'store.artist.albumCount': '{count, plural, one {# album} other {# albums}} in the store',
  'store.artist.albums': 'Albums',
  'store.artist.albumsBy': 'Albums by {artist}',
  'store.artist.empty': 'The store sells nothing by this artist right now.',

  // Album
  'store.album.eyebrow': 'Album',
  'store.album.loading': 'Loading the album…',
  'store.album.by': 'by {artist}',
  'store.album.discs': '{count, plural, one {# disc} other {# discs}}',
  'store.album.genres': 'Genres',

  // Track list
  'store.tracks.title': 'Tracks',
  'store.tracks.disc': 'Disc {number}',
  'store.tracks.discCaption': 'Disc {number} tracks',
  'store.tracks.colBuy': 'Buy',
  'store.tracks.colNumber': '#',
  'store.tracks.colTitle': 'Title',
  'store.tracks.colArtist': 'Artist',
  'store.tracks.colLength': 'Length',
  'store.tracks.buyTrack': 'Buy {title}',
  'store.tracks.allSelected': 'All {count} selected',
  'store.tracks.someSelected': '{count} of {total} selected',
  'store.tracks.selectAll': 'Select all',
  'store.tracks.selectNone': 'Select none',

  // Encodings and prices
  'store.purchase.title': 'Encoding and price',
  'store.purchase.selectSome': 'Select at least one track to see prices.',
  'store.purchase.loading': 'Working out prices…',
  'store.purchase.legend':
    '≈ marks an estimate: the store has not encoded those files yet. You pay their exact size, never more than the high end of the range. {mb} = {bytes} bytes.',
  'store.purchase.bought': 'Bought {artist} — {album} ({encoding}). It is downloading now.',
  'store.purchase.toast': 'Bought {artist} — {album} ({encoding}) — downloading.',
  'store.purchase.buyAlbum': 'Buy album',
  'store.purchase.buyNothing': 'Buy tracks',
  'store.purchase.buyTracks': '{count, plural, one {Buy # track} other {Buy # tracks}}',
  'store.purchase.buying': 'Buying…',
  'store.purchase.ownedAll': 'You own these tracks in this encoding already.',
  'store.purchase.notEnough': 'Not enough megabytes for this encoding.',

  'store.quotes.caption': 'Encodings, sizes and prices for the selected tracks',
  'store.quotes.colEncoding': 'Encoding',
  'store.quotes.colSize': 'Size',
  'store.quotes.colCharge': 'Charge',
  'store.quotes.colCost': 'Cost',
  'store.quotes.colBalanceAfter': 'Balance after',
  'store.quotes.colFit': 'Fit',
  'store.quotes.exact': 'exact',
  'store.quotes.owned': 'Owned',
  'store.quotes.fits': 'Fits',
  'store.quotes.overBalance': 'Over balance',
  'store.quotes.unavailable': 'Unavailable',
  'store.quotes.unavailableBecause': 'Unavailable: {reason}',
  'store.quote.estimate': '≈ {size} ({low}–{high})',
  'store.quote.approx': '≈ {size}',
  'store.quote.owned': 'owned',
  'store.quote.free': 'free',

  // The confirmation
  'store.buy.titleAlbum': 'Buy album?',
  'store.buy.titleTracks': '{count, plural, one {Buy # track?} other {Buy # tracks?}}',
  'store.buy.album': 'Album',
  'store.buy.tracks': 'Tracks',
  'store.buy.tracksAll': 'All {count}',
  'store.buy.tracksSome': '{count} of {total}',
  'store.buy.encoding': 'Encoding',
  'store.buy.charge': 'Charge',
  'store.buy.chargeExact': '{size} ({cost})',
  'store.buy.chargeEstimate': 'about {size} ({cost})',
  'store.buy.balanceNow': 'Balance now',
  'store.buy.balanceAfter': 'Balance after',
  'store.buy.exactHint': 'These files are encoded already: this is the exact charge.',
  'store.buy.estimateHint':
    'This is an estimate: you are charged the exact size of the encoded files; at most {size} is reserved until they are ready.',
  'store.buy.confirm': 'Confirm purchase',
  'store.buy.buying': 'Buying…',

  // Not for sale
  'store.sale.notForSale': 'Not for sale',
  'store.sale.takenDown': 'This release was taken down and is no longer sold here.',
  'store.sale.notInCountry': 'Not available in your country',
  'store.sale.notLicensed': 'This release is not licensed for sale where your account is.',
  'store.sale.reasonLabel': 'The store says:',
  'store.sale.notice': 'Read the takedown notice',
  'store.sale.unknownTitle': 'Album no longer sold',
  'store.sale.owned':
    'You own {count, plural, one {# file} other {# files}} of this album; they stay in your library.',
  'store.sale.missing':
    '{count, plural, one {# file} other {# files}} missing from your library at the last check.',
  'store.sale.openInLibrary': 'Open in your library',
  'store.sale.downloadAgain': 'Download again',
  'store.sale.downloading': 'Queuing…',
  'store.sale.downloadAgainHint':
    'Fetches the files missing from your library through your purchase, at no charge.',
  'store.sale.nothingToDownload': 'Nothing to download: every file of this album is in your library.',
  'store.sale.requeued': 'Downloading {count, plural, one {# file} other {# files}} again at no charge.',
  'store.sale.withdrawn':
    'The store withdrew re-downloads of this release. The files you have stay in your library, untouched.',

  // Previews (a play button per track)
  'store.preview.play': 'Play a preview of “{title}”',
  'store.preview.pause': 'Pause the preview of “{title}”',
  'store.preview.rateLimited': 'Too many previews for now; try again in a few minutes.',
  'store.preview.unavailable': 'No preview: this track is not available here.',
  'store.preview.offline': 'No preview: the store is out of reach.',
  'store.preview.failed': 'This preview could not be played.',
} as const;
