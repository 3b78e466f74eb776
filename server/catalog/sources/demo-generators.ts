// Turns one recipe layer into ffmpeg filtergraph chains that end in a labelled stereo stream of exact length.
import type { DemoFx, DemoLayer, DemoNote } from './demo-definition.ts';

export interface LayerContext {
  sampleRate: number;
  /** Final track length in samples. Layers come out `warmupSamples()` longer so a track-level vibrato can trim too. */
  samples: number;
  /** Unique prefix for this layer's intermediate labels. */
  id: string;
}

/** ffmpeg 5.1's vibrato emits uninitialised memory for its first 5 ms (a delay line read before it is written), which
 * echo and chorus then repeat as loud clicks. Sources render a little extra and every vibrato drops its first 10 ms. */
const WARMUP_SEC = 0.01;

export function warmupSamples(sampleRate: number): number {
  return Math.ceil(WARMUP_SEC * sampleRate);
}

/** Sources default to 1024-sample frames; 4096 cuts per-frame filter overhead by about a third. */
const FRAME_SAMPLES = 4096;
const FRAME = `samples_per_frame=${FRAME_SAMPLES}`;

const SEMITONES: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

export function noteToHz(note: DemoNote): number {
  if (typeof note === 'number') return note;
  const letter = SEMITONES[note[0] as string] as number;
  const accidental = note[1] === '#' ? 1 : note[1] === 'b' ? -1 : 0;
  const octave = Number(note.slice(accidental === 0 ? 1 : 2));
  const midi = 12 * (octave + 1) + letter + accidental;
  return round(440 * 2 ** ((midi - 69) / 12));
}

/** Returns chains producing `[<ctx.id>]`. Per-sample expression sources (aevalsrc) are slow, so they only render one
 * short loop that aloop repeats; sustained tones and noise use ffmpeg's native generators instead. */
export function layerChains(layer: DemoLayer, ctx: LayerContext): string[] {
  const out = `[${ctx.id}]`;
  const warmup = warmupSamples(ctx.sampleRate);
  // Room for one vibrato here and one at track level, each of which eats `warmup` samples.
  const source = { ...ctx, samples: ctx.samples + 2 * warmup };
  const post = fxFilters(layer.type === 'drone' ? { ...DRONE_FX, ...layer.fx } : layer.fx, ctx.sampleRate);
  post.push(`volume=${round(10 ** (layer.gainDb / 20))}`, `atrim=end_sample=${ctx.samples + warmup}`);
  const tail = post.join(',');
  switch (layer.type) {
    case 'chord':
    case 'drone':
      return [
        ...sineBank(layer.notes.map(noteToHz), layer.type === 'chord' ? layer.detuneHz : 0.4, source),
        `[${ctx.id}b]${tail}${out}`,
      ];
    case 'noise': {
      const seconds = source.samples / ctx.sampleRate;
      const gen = (seed: number) =>
        `anoisesrc=c=${layer.color}:r=${ctx.sampleRate}:a=0.5:s=${seed}:d=${seconds}:n=${FRAME_SAMPLES}`;
      return [
        `${gen(layer.seed)}[${ctx.id}l]`,
        `${gen(layer.seed + 7919)}[${ctx.id}r]`,
        `[${ctx.id}l][${ctx.id}r]amerge=inputs=2,${tail}${out}`,
      ];
    }
    case 'sequence': {
      const stepSec = 60 / layer.bpm / layer.stepsPerBeat;
      return [
        `${loopSource(sequenceExpr(layer, stepSec), stepSec * layer.notes.length, source)},${tail}${out}`,
      ];
    }
    case 'drums': {
      const stepSec = 60 / layer.bpm / 4;
      return [`${loopSource(drumsExpr(layer, stepSec), stepSec * 16, source)},${tail}${out}`];
    }
  }
}

const DRONE_FX: DemoFx = {
  vibrato: { hz: 0.3, depth: 0.15 },
  chorus: true,
  echo: { delayMs: 700, decay: 0.35 },
};

/** Native sine generators summed per channel; the right channel is detuned so partials beat slowly across the image. */
function sineBank(freqs: number[], detuneHz: number, ctx: LayerContext): string[] {
  const chains: string[] = [];
  // ffmpeg's sine source plays at 1/8 full scale; scale the sum so the worst-case peak stays near 0.4.
  const gain = round(3.2 / freqs.length);
  for (const side of ['l', 'r'] as const) {
    const labels = freqs.map((f, i) => {
      const hz = side === 'l' ? f : f + (i % 2 === 0 ? detuneHz : -detuneHz);
      chains.push(
        `sine=f=${round(hz)}:r=${ctx.sampleRate}:d=${ctx.samples / ctx.sampleRate}:${FRAME}[${ctx.id}${side}${i}]`,
      );
      return `[${ctx.id}${side}${i}]`;
    });
    chains.push(
      `${labels.join('')}amix=inputs=${freqs.length}:normalize=0,volume=${gain},aformat=sample_fmts=fltp:channel_layouts=mono[${ctx.id}${side}]`,
    );
  }
  chains.push(`[${ctx.id}l][${ctx.id}r]amerge=inputs=2[${ctx.id}b]`);
  return chains;
}

/** A mono expression rendered for one loop, repeated to the full length and spread to stereo. */
function loopSource(expr: string, loopSec: number, ctx: LayerContext): string {
  const loopSamples = Math.max(1, Math.round(loopSec * ctx.sampleRate));
  return [
    `aevalsrc='${expr}':s=${ctx.sampleRate}:n=${FRAME_SAMPLES}:d=${loopSamples / ctx.sampleRate}`,
    `aloop=loop=-1:size=${loopSamples}`,
    `atrim=end_sample=${ctx.samples}`,
    'pan=stereo|c0=c0|c1=c0',
  ].join(',');
}

/** Variables: 0 step index, 1 time in step, 2 frequency. Short attack and release ramps avoid clicks at step edges. */
function sequenceExpr(layer: Extract<DemoLayer, { type: 'sequence' }>, stepSec: number): string {
  const freq = layer.notes
    .map((n, i) => (n === '-' ? '' : `eq(ld(0),${i})*${noteToHz(n)}`))
    .filter(Boolean)
    .join('+');
  const phase = 'ld(2)*ld(1)';
  const wave = {
    // Scaled so each waveform lands at a similar loudness before the layer gain.
    sine: `0.5*sin(2*PI*${phase})`,
    triangle: `0.5*(2*abs(2*(${phase}-floor(${phase}+0.5)))-1)`,
    square: `0.2*sgn(sin(2*PI*${phase}))`,
    saw: `0.3*(2*(${phase}-floor(${phase}+0.5)))`,
  }[layer.waveform];
  const env = `min(1,ld(1)*300)*min(1,(${round(stepSec)}-ld(1))*200)*exp(-${layer.decay}*ld(1))`;
  return `st(0,floor(t/${round(stepSec)}));st(1,t-ld(0)*${round(stepSec)});st(2,${freq || 0});gt(ld(2),0)*${env}*${wave}`;
}

/** Variables: 0 step, 1-3 time since the last kick/snare/hat, 4 noise state. */
function drumsExpr(layer: Extract<DemoLayer, { type: 'drums' }>, stepSec: number): string {
  const parts = [`st(0,floor(t/${round(stepSec)}))`];
  const voices: string[] = [];
  const voice = (pattern: string | undefined, slot: number, sound: string) => {
    const hits = [...(pattern ?? '')].flatMap((c, i) => (c === 'x' && i < 16 ? [i] : []));
    if (hits.length === 0) return;
    parts.push(`st(${slot},t-${lastHit(hits, stepSec)})`);
    voices.push(sound.replaceAll('T', `ld(${slot})`));
  };
  const k = layer.kickHz;
  voice(layer.kick, 1, `0.9*exp(-7*T)*sin(2*PI*(${k}*T+${round(90 / 30)}*(1-exp(-30*T))))`);
  voice(layer.snare, 2, '(0.35*(2*random(4)-1)*exp(-18*T)+0.3*sin(2*PI*190*T)*exp(-25*T))');
  voice(layer.hat, 3, '0.2*(2*random(4)-1)*exp(-70*T)');
  return `${parts.join(';')};${voices.join('+') || '0'}`;
}

/** Start time of the most recent hit at or before the current step; before the first hit, the previous bar's last. */
function lastHit(hits: number[], stepSec: number): string {
  const last = hits[hits.length - 1] as number;
  let expr = `${round((last - 16) * stepSec)}`;
  for (const h of hits) expr = `if(gte(ld(0),${h}),${round(h * stepSec)},${expr})`;
  return `(${expr})`;
}

export function fxFilters(fx: DemoFx | undefined, sampleRate: number): string[] {
  if (!fx) return [];
  const filters: string[] = [];
  if (fx.highpassHz) filters.push(`highpass=f=${fx.highpassHz}`);
  if (fx.lowpassHz) filters.push(`lowpass=f=${fx.lowpassHz}`);
  if (fx.vibrato) {
    filters.push(`vibrato=f=${fx.vibrato.hz}:d=${fx.vibrato.depth}`);
    filters.push(`atrim=start_sample=${warmupSamples(sampleRate)}`, 'asetpts=PTS-STARTPTS');
  }
  if (fx.tremolo) filters.push(`tremolo=f=${fx.tremolo.hz}:d=${fx.tremolo.depth}`);
  if (fx.phaser) filters.push('aphaser=in_gain=0.6:out_gain=0.9:delay=3:decay=0.5:speed=0.3');
  if (fx.chorus) filters.push('chorus=0.6:0.9:50|60:0.4|0.32:0.25|0.4:2|1.3');
  if (fx.echo) {
    const { delayMs: d, decay } = fx.echo;
    filters.push(`aecho=0.8:0.85:${d}|${round(d * 1.6)}:${decay}|${round(decay * 0.6)}`);
  }
  return filters;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
