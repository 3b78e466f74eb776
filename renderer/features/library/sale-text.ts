// Words of the library for owned albums the store no longer sells, in one place for translation.
import { formatDate } from '../../components/format.ts';

export const LIBRARY_SALE_TEXT = {
  badge: 'No longer sold',
  notInCountry: 'Not sold in your country',
  heading: 'No longer sold',
  intro: 'The store took this release down. Your files stay in your library, untouched.',
  redownload: 'Missing files can still be downloaded again from its page in the store.',
  withdrawn: 'The store withdrew re-downloads of this release: keep your files safe.',
  notice: 'Read the takedown notice',
  asOf: (iso: string) => `As the store said on ${formatDate(iso)}.`,
  storePage: 'Its page in the store',
};
