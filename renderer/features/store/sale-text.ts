// Words of the store's album page for releases it does not sell: taken down, or not licensed in the
// listener's country; and what becomes of the copy the listener owns. In one place for translation.

const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);

export const SALE_TEXT = {
  notForSale: 'Not for sale',
  takenDown: 'This release was taken down and is no longer sold here.',
  notInCountry: 'Not available in your country',
  notLicensed: 'This release is not licensed for sale where your account is.',
  reasonLabel: 'The store says:',
  notice: 'Read the takedown notice',
  unknownTitle: 'Album no longer sold',
  owned: (count: number) => `You own ${files(count)} of this album; they stay in your library.`,
  missing: (count: number) => `${files(count)} missing from your library at the last check.`,
  openInLibrary: 'Open in your library',
  downloadAgain: 'Download again',
  downloading: 'Queuing…',
  downloadAgainHint: 'Fetches the files missing from your library through your purchase, at no charge.',
  requeued: (count: number) =>
    count === 0
      ? 'Nothing to download: every file of this album is in your library.'
      : `Downloading ${files(count)} again at no charge.`,
  withdrawn:
    'The store withdrew re-downloads of this release. The files you have stay in your library, untouched.',
  goToDownloads: 'Go to Downloads',
};
