// Synthesizes a lossless test master with ffmpeg: a little chord progression, a kick, hi-hat clicks and
// pink noise, so lossy encoders have real work (noise and transients) rather than pure tones.
import { statSync } from 'node:fs';
import { run } from './harness.ts';

export interface Master {
  path: string;
  bytes: number;
  durationMs: number;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

// Chord roots change every 2 s (A, F, C, G); the phase jumps are part of the "music".
const root = 'if(lt(mod(t,8),2),220,if(lt(mod(t,8),4),174.61,if(lt(mod(t,8),6),261.63,196)))';
const voice = (ratio: number, gain: number, lfo: string) =>
  `${gain}*sin(2*PI*${ratio}*${root}*t)*(0.6+0.4*${lfo})`;
const kick = '0.35*sin(2*PI*55*t)*exp(-9*mod(t,0.5))';
const hat = (phase: number) => `0.06*sin(2*PI*${7000 + phase}*t)*exp(-60*mod(t+${phase / 1e4},0.25))`;
const left = [
  kick,
  voice(1, 0.12, 'sin(2*PI*0.25*t)'),
  voice(1.26, 0.09, 'cos(2*PI*0.31*t)'),
  voice(2, 0.05, '1'),
  hat(0),
];
const right = [
  kick,
  voice(1, 0.12, 'cos(2*PI*0.2*t)'),
  voice(1.5, 0.09, 'sin(2*PI*0.37*t)'),
  voice(3, 0.04, '1'),
  hat(500),
];

/** Writes a stereo 44.1 kHz 16-bit FLAC of the given length. */
export async function makeMaster(path: string, seconds: number): Promise<Master> {
  const tones = `aevalsrc=exprs='${left.join('+')}|${right.join('+')}':s=44100:d=${seconds}`;
  const noise = (seed: number) => `anoisesrc=color=pink:amplitude=0.12:seed=${seed}:r=44100:d=${seconds}`;
  await run('ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    tones,
    '-f',
    'lavfi',
    '-i',
    noise(1),
    '-f',
    'lavfi',
    '-i',
    noise(2),
    '-filter_complex',
    '[1][2]amerge=inputs=2[n];[0][n]amix=inputs=2:normalize=0,alimiter=limit=0.95[out]',
    '-map',
    '[out]',
    '-ac',
    '2',
    '-ar',
    '44100',
    '-sample_fmt',
    's16',
    '-c:a',
    'flac',
    '-y',
    path,
  ]);
  return {
    path,
    bytes: statSync(path).size,
    durationMs: seconds * 1000,
    sampleRate: 44100,
    channels: 2,
    bitsPerSample: 16,
  };
}
