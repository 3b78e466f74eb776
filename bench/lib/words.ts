// Deterministic word material for synthetic catalogs: a seeded PRNG, a Zipf sampler over a vocabulary of
// common English song words followed by a long tail of made-up pronounceable words.

/** mulberry32: small, fast, good enough for test data; the same seed always gives the same catalog. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Most frequent first: under Zipf, "love" lands in ~10% of titles and the tail in a handful each. */
export const COMMON_WORDS = `love night heart time fire dream light rain blue home world day life soul sun
  moon baby girl way song summer river road city star gold sky wind dance angel shadow midnight
  ocean storm silver wild forever morning mother mountain moonlight more mood motion money monday
  mirror mind miles minute memory magic machine paradise heaven blood stone water winter autumn spring
  echo ghost garden island kingdom letter lonely lover lovely loving lost broken falling rising burning
  golden electric sweet dark bright cold warm young free black white red green electric highway train
  station window street bridge harbor desert forest valley thunder lightning fever honey sugar candy
  diamond crystal velvet satin neon radio disco boogie rhythm blues jazz soul rock roll funk groove
  piano guitar drum violin choir hymn prayer church chapel saint sinner devil spirit wonder wander
  runaway goodbye hello tomorrow yesterday tonight always never maybe someday somewhere nowhere`
  .split(/\s+/)
  .filter(Boolean)
  .filter((w, i, all) => all.indexOf(w) === i);

const ONSETS = 'b c d f g h j k l m n p r s t v w z br cr dr fl gr kl pr sk sl st tr sh ch th'.split(' ');
const VOWELS = 'a e i o u a e i o ai ou ea'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'th', 'nd', 'st', 'm'];

/** The vocabulary: COMMON_WORDS, then invented words up to `size`, in a fixed order. */
export function vocabulary(size: number, random: () => number): string[] {
  const words = [...COMMON_WORDS];
  const seen = new Set(words);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  while (words.length < size) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = '';
    for (let s = 0; s < syllables; s++)
      word += pick(ONSETS) + pick(VOWELS) + (s === syllables - 1 ? pick(CODAS) : '');
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/**
 * Samples indexes 0..n-1 with probability proportional to 1/(rank+1+q)^s (Zipf-Mandelbrot: q flattens the
 * head so the top word is in a few percent of titles rather than a tenth of them).
 */
export function zipfSampler(n: number, s: number, q: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1 + q) ** s;
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const FIRST_NAMES =
  `Ada Alice Amara Ben Billie Carla Cole Dana Dex Elena Emil Fay Finn Greta Gus Hana Hugo Ines Ivan
  Jada Jonas Kai Kira Leo Lena Mara Milo Nina Noah Omar Opal Pia Quinn Rosa Ravi Sami Sofia Theo Tess Uma Vera
  Victor Wanda Wes Xena Yara Yusuf Zoe Zane`
    .split(/\s+/)
    .filter(Boolean);

export const GENRES =
  `Rock Pop Jazz Blues Soul Funk Disco Electronic Ambient Techno House Hip-Hop Folk Country
  Classical Reggae Metal Punk Indie Gospel Latin World Soundtrack Experimental`
    .split(/\s+/)
    .filter(Boolean);
