// Draws the Megadisc app icon at any size: a record with a progress arc around its red label.
// Plain arithmetic, no image library, so the icons can be redrawn anywhere `node` runs.

/** RGBA pixels, row by row from the top, 4 bytes each, straight (not premultiplied) alpha. */
export interface Bitmap {
  size: number;
  pixels: Uint8Array;
}

type Rgb = readonly [number, number, number];

/** The accent of the UI's light theme (renderer/styles/app.css) for the label, its dark theme's for the arc. */
const LABEL: Rgb = [0xb3, 0x36, 0x1f];
const ARC: Rgb = [0xff, 0x7a, 0x5c];
const VINYL: Rgb = [0x1c, 0x1a, 0x19];
const GROOVE: Rgb = [0x4a, 0x45, 0x42];

/** Radii in units of half the icon's width; macOS and Windows both expect a little air around the art. */
const DISC_RADIUS = 0.92;
const LABEL_RADIUS = 0.36;
const HOLE_RADIUS = 0.055;
const ARC_RADIUS = 0.68;
const ARC_HALF_WIDTH = 0.055;
/** The arc runs clockwise from twelve o'clock over three quarters of the turn: a download under way. */
const ARC_SWEEP = 1.5 * Math.PI;
const GROOVE_RADII = [0.46, 0.54, 0.8, 0.86];

/** How much of a pixel an edge at signed distance `d` (negative inside) covers, `px` being one pixel. */
function coverage(d: number, px: number): number {
  return Math.min(1, Math.max(0, 0.5 - d / px));
}

/** Distance from (x, y) to the arc's centre line, with round caps at both ends. */
function arcDistance(x: number, y: number, r: number): number {
  // Clockwise angle from twelve o'clock, in [0, 2π).
  const angle = (Math.atan2(x, -y) + 2 * Math.PI) % (2 * Math.PI);
  if (angle <= ARC_SWEEP) return Math.abs(r - ARC_RADIUS);
  const ends = [0, ARC_SWEEP].map((a) => [ARC_RADIUS * Math.sin(a), -ARC_RADIUS * Math.cos(a)] as const);
  return Math.min(...ends.map(([ex, ey]) => Math.hypot(x - ex, y - ey)));
}

export function drawIcon(size: number): Bitmap {
  const pixels = new Uint8Array(size * size * 4);
  const px = 2 / size;
  // Grooves thinner than about a pixel only shimmer: small icons go without.
  const grooves = size >= 64 ? GROOVE_RADII : [];
  const grooveHalfWidth = Math.max(0.004, px * 0.6);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = ((col + 0.5) / size) * 2 - 1;
      const y = ((row + 0.5) / size) * 2 - 1;
      const r = Math.hypot(x, y);
      let color: Rgb = VINYL;
      const over = (top: Rgb, amount: number) => {
        color = [0, 1, 2].map((i) => color[i]! + (top[i]! - color[i]!) * amount) as unknown as Rgb;
      };
      for (const g of grooves) over(GROOVE, 0.55 * coverage(Math.abs(r - g) - grooveHalfWidth, px));
      over(ARC, coverage(arcDistance(x, y, r) - ARC_HALF_WIDTH, px));
      over(LABEL, coverage(r - LABEL_RADIUS, px));
      const alpha = coverage(r - DISC_RADIUS, px) * (1 - coverage(r - HOLE_RADIUS, px));
      const at = (row * size + col) * 4;
      pixels[at] = Math.round(color[0]);
      pixels[at + 1] = Math.round(color[1]);
      pixels[at + 2] = Math.round(color[2]);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return { size, pixels };
}
