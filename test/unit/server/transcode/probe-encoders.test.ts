// Encoder probing against the real tools, missing tools and a fake ffmpeg lacking some encoders.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODING_IDS, ENCODINGS } from '../../../../api/schemas/encoding-catalog.ts';
import { probeEncoders } from '../../../../server/transcode/index.ts';

const MP3_IDS = ENCODING_IDS.filter((id) => ENCODINGS[id].codec === 'mp3');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'megadisc-probe-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function script(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return path;
}

describe('probeEncoders', () => {
  it('reports all 14 encodings available here, each with its own encoder version', async () => {
    const result = await probeEncoders();
    expect([...result.keys()]).toEqual([...ENCODING_IDS]);
    for (const [encoding, availability] of result) {
      expect(availability).toMatchObject({ encoding, available: true });
      expect(availability.reason).toBeUndefined();
      expect(availability.encoderVersion).toMatch(/^ffmpeg \S+; .*recipe [0-9a-f]{8}$/);
    }
    for (const id of MP3_IDS) expect(result.get(id)?.encoderVersion).toContain('; lame 3.100;');
    expect(result.get('mpc-standard')?.encoderVersion).toContain('; mpcenc 1.30');
    const versions = new Set([...result.values()].map((availability) => availability.encoderVersion));
    expect(versions.size).toBe(ENCODING_IDS.length);
  });

  it('makes only Musepack unavailable when mpcenc is missing', async () => {
    const result = await probeEncoders({ mpcenc: join(dir, 'no-such-mpcenc') });
    expect(result.get('mpc-standard')).toEqual({
      encoding: 'mpc-standard',
      available: false,
      reason: `encoder binary 'mpcenc' not found at ${join(dir, 'no-such-mpcenc')}`,
      tool: 'mpcenc',
    });
    for (const id of ENCODING_IDS.filter((id) => id !== 'mpc-standard')) {
      expect(result.get(id)?.available).toBe(true);
    }
  });

  it('makes the MP3 encodings unavailable when lame is missing or broken', async () => {
    const broken = await script('lame-broken', 'echo "lame: cannot load libmp3lame.so.0" >&2; exit 127');
    for (const [lame, reason] of [
      [join(dir, 'no-such-lame'), /^encoder binary 'lame' not found at /],
      [broken, /^encoder binary 'lame' at .* does not work: lame: cannot load libmp3lame/],
    ] as const) {
      const result = await probeEncoders({ lame });
      for (const id of ENCODING_IDS) {
        const availability = result.get(id)!;
        expect(availability.available).toBe(!MP3_IDS.includes(id));
        if (!availability.available) expect(availability.reason).toMatch(reason);
      }
    }
  });

  it('makes everything unavailable without ffmpeg, which decodes every master', async () => {
    const result = await probeEncoders({ ffmpeg: join(dir, 'no-such-ffmpeg') });
    for (const availability of result.values()) {
      expect(availability.available).toBe(false);
      expect(availability.reason).toMatch(/^encoder binary 'ffmpeg' not found/);
    }
  });

  it('needs ffmpeg to list the encoder, and keys the version on the ffmpeg build', async () => {
    const listing = [' A..... = Audio', ' ------', ' A..... aac                  AAC', ' A....D flac   FLAC'];
    const fakeFfmpeg = await script(
      'ffmpeg-limited',
      [
        'case "$*" in',
        '  *-version*) echo "ffmpeg version 9.9-fake Copyright (c) the FFmpeg developers" ;;',
        `  *-encoders*) printf '%s\\n' ${listing.map((line) => `'${line}'`).join(' ')} ;;`,
        '  *) exit 1 ;;',
        'esac',
      ].join('\n'),
    );
    const [real, fake] = await Promise.all([probeEncoders(), probeEncoders({ ffmpeg: fakeFfmpeg })]);
    expect(fake.get('opus-160')).toMatchObject({
      available: false,
      reason: "ffmpeg 9.9-fake has no 'libopus' encoder",
    });
    expect(fake.get('wma-192')?.available).toBe(false);
    expect(fake.get('alac')?.available).toBe(false);
    expect(fake.get('aac-256')?.encoderVersion).toMatch(/^ffmpeg 9\.9-fake; recipe [0-9a-f]{8}$/);
    expect(fake.get('flac')?.available).toBe(true);
    expect(fake.get('aac-256')?.encoderVersion).not.toBe(real.get('aac-256')?.encoderVersion);
  });
});
