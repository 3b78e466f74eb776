// Renders a demo album's 1400x1400 cover: an ffmpeg pattern source tinted with the album palette, plus title text.
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { DemoCover } from './demo-definition.ts';
import { ffmpegPath, runProcess } from './run-process.ts';

export const DEMO_COVER_SIZE = 1400;
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const COVER_TIMEOUT_MS = 60_000;

/** Interesting corners of the Mandelbrot set; the seed picks one so albums sharing the pattern still differ. */
const MANDELBROT_VIEWS = [
  { x: -0.743644, y: -0.131826, scale: 0.02 },
  { x: -0.7453, y: 0.1127, scale: 0.008 },
  { x: -1.25066, y: 0.02012, scale: 0.002 },
  { x: -0.1592, y: 1.0317, scale: 0.03 },
];

const hex = (color: string) => `0x${color.slice(1)}`;

/** Maps a black/white image onto a two-colour ramp between the first two palette colours. */
function duotone(colors: string[]): string {
  const [from, to] = [colors[0] as string, colors[1] as string].map((c) =>
    [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)),
  );
  const channel = (i: number) => `${from![i]}+(${to![i]! - from![i]!})*val/255`;
  return `format=gray,format=rgb24,lutrgb=r='${channel(0)}':g='${channel(1)}':b='${channel(2)}'`;
}

function patternChain(cover: DemoCover): string {
  const { colors, seed } = cover;
  const size = DEMO_COVER_SIZE;
  // Cellular patterns render small and scale up with nearest-neighbour: chunky pixels read better than a 1400px mesh.
  const blocky = `scale=${size}:${size}:flags=neighbor`;
  switch (cover.pattern) {
    case 'gradients': {
      const stops = colors
        .slice(0, 8)
        .map((c, i) => `c${i}=${hex(c)}`)
        .join(':');
      const type = ['radial', 'linear', 'spiral', 'circular'][seed % 4];
      return `gradients=s=${size}x${size}:${stops}:n=${colors.length}:seed=${seed}:type=${type}`;
    }
    case 'mandelbrot': {
      const v = MANDELBROT_VIEWS[seed % MANDELBROT_VIEWS.length]!;
      const view = `start_x=${v.x}:start_y=${v.y}:start_scale=${v.scale}:end_scale=${v.scale}`;
      return `mandelbrot=s=700x700:maxiter=500:${view},scale=${size}:${size}:flags=bicubic,${duotone(colors)}`;
    }
    case 'cellauto': {
      const rule = [30, 90, 110, 150, 18][seed % 5];
      return `cellauto=s=350x350:rule=${rule}:seed=${seed}:full=1,${blocky},${duotone(colors)}`;
    }
    case 'life': {
      const [death, life, mold] = [colors[0], colors[1], colors[2] ?? colors[1]].map((c) => hex(c as string));
      const cells = `life=s=280x280:seed=${seed}:ratio=0.3:mold=12:death_color=${death}:life_color=${life}:mold_color=${mold}`;
      // Skip the random first frames so the automaton has settled into recognisable shapes.
      return `${cells},trim=start_frame=40,${blocky}`;
    }
    case 'sierpinski':
      return `sierpinski=s=${size}x${size}:seed=${seed}:type=${seed % 2 ? 'triangle' : 'carpet'},${duotone(colors)}`;
  }
}

function fontSize(text: string, max: number, min: number): number {
  // DejaVu glyphs average ~0.6 em; keep the line inside ~90% of the cover width.
  const chars = Math.max(1, [...text].length);
  return Math.max(min, Math.min(max, Math.floor((DEMO_COVER_SIZE * 0.9) / (0.6 * chars))));
}

function textOverlay(title: string, artist: string, titleFile: string, artistFile: string): string {
  const font = (file: string) =>
    existsSync(`${FONT_DIR}/${file}`) ? `fontfile=${FONT_DIR}/${file}` : 'font=Sans';
  const common = 'expansion=none:fontcolor=white:shadowx=3:shadowy=3:shadowcolor=black@0.6:x=(w-text_w)/2';
  return [
    'drawbox=x=0:y=ih*0.72:w=iw:h=ih*0.28:color=black@0.45:t=fill',
    `drawtext=${font('DejaVuSans-Bold.ttf')}:textfile=${titleFile}:fontsize=${fontSize(title, 120, 40)}:${common}:y=h*0.77`,
    `drawtext=${font('DejaVuSans.ttf')}:textfile=${artistFile}:fontsize=${fontSize(artist, 72, 32)}:${common}:y=h*0.88`,
  ].join(',');
}

/** Writes the cover to outPath (JPEG). If text rendering is unavailable (ffmpeg without libfreetype), the bare pattern
 * is used: a demo store without titles on covers is better than one that fails to start. */
export async function renderDemoCover(
  cover: DemoCover,
  title: string,
  artist: string,
  outPath: string,
): Promise<void> {
  const dir = dirname(outPath);
  const base = basename(outPath);
  const titleFile = `${base}.title.txt`;
  const artistFile = `${base}.artist.txt`;
  const partial = `${base}.part`;
  await Promise.all([writeFile(`${dir}/${titleFile}`, title), writeFile(`${dir}/${artistFile}`, artist)]);
  const render = (withText: boolean) => {
    const chain = [
      patternChain(cover),
      ...(withText ? [textOverlay(title, artist, titleFile, artistFile)] : []),
    ];
    const graph = `${chain.join(',')},format=yuvj420p[v]`;
    const args = ['-nostdin', '-hide_banner', '-v', 'error', '-filter_complex', graph, '-map', '[v]'];
    args.push('-frames:v', '1', '-q:v', '2', '-f', 'mjpeg', '-y', partial);
    return runProcess(ffmpegPath(), args, { timeoutMs: COVER_TIMEOUT_MS, cwd: dir });
  };
  try {
    await render(true).catch(() => render(false));
    await rename(`${dir}/${partial}`, outPath);
  } finally {
    await Promise.all([titleFile, artistFile, partial].map((f) => rm(`${dir}/${f}`, { force: true })));
  }
}
