// The browse commands' pieces that need no store: finding a genre by what a person typed, and a
// next-page command that a POSIX shell reads back as the same words.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findGenre } from '../../../../../electron/cli/commands/browse-commands.ts';
import { nextPageLine } from '../../../../../electron/cli/render/browse-text.ts';
import { translator } from '../../../../../i18n/translator.ts';

const en = translator('en');
const ru = translator('ru');
const GENRES = [
  { slug: 'ambient', name: 'Ambient', albumCount: 3 },
  { slug: 'hip-hop', name: 'Hip Hop', albumCount: 1 },
  { slug: 'other', name: 'Электроника', albumCount: 2 },
];

describe('findGenre', () => {
  it('finds a genre by its slug, or by its name in any letter case', () => {
    expect(findGenre(GENRES, 'hip-hop')?.slug).toBe('hip-hop');
    expect(findGenre(GENRES, 'HIP HOP')?.slug).toBe('hip-hop');
    expect(findGenre(GENRES, 'электроника')?.slug).toBe('other');
    expect(findGenre(GENRES, 'AMBIENT')?.slug).toBe('ambient');
    expect(findGenre(GENRES, 'polka')).toBeUndefined();
  });
});

describe('nextPageLine', () => {
  it('quotes what the shell would split or expand, and only that', () => {
    const words = ['artist', '7', '--page', '2', '--home', "/tmp/it's my $HOME dir"];
    const line = nextPageLine(en, words);
    expect(line).toBe(`next page: megadisc artist 7 --page 2 --home '/tmp/it'\\''s my $HOME dir'`);
    const command = line.slice('next page: megadisc '.length);
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${command}`], { encoding: 'utf8' });
    expect(echoed.trimEnd().split('\n')).toEqual(words);
    expect(nextPageLine(ru, ['new', '--cursor', 'WyIyMDE5IiwzXQ'])).toBe(
      'следующая страница: megadisc new --cursor WyIyMDE5IiwzXQ',
    );
  });
});
