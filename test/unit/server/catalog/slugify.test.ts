import { describe, expect, it } from 'vitest';
import { slugify } from '../../../../server/catalog/catalog-writer.ts';

describe('genre slugs', () => {
  it('keeps the slugs Latin names always had', () => {
    expect(slugify('Drum & Bass')).toBe('drum-bass');
    expect(slugify('Électronique')).toBe('electronique');
    expect(slugify('  Hip-Hop ')).toBe('hip-hop');
  });

  it('spells Cyrillic in Latin, so two Russian genres never share an id', () => {
    expect(slugify('Электроника')).toBe('elektronika');
    expect(slugify('Синти-поп')).toBe('sinti-pop');
    expect(slugify('Электроника')).not.toBe(slugify('Синти-поп'));
  });

  it('keeps the letters of other scripts, and falls back to "other" only for no letters at all', () => {
    expect(slugify('Ρεμπέτικο')).toBe('ρεμπέτικο');
    expect(slugify('演歌')).toBe('演歌');
    expect(slugify('★☆★')).toBe('other');
  });
});
