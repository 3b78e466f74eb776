// Decides which store encodings this machine can produce, and the version string their cache entries carry.

import { ENCODING_IDS, type EncodingId } from '../../api/schemas/encoding-catalog.ts';
import { RECIPES, recipeHash } from './recipes.ts';
import { probeTools, type ToolStatus } from './tool-probe.ts';
import type { EncoderAvailability, ToolName, ToolPaths } from './types.ts';

/**
 * Probes the tools once (run at startup). An encoding is available when every binary its recipe runs
 * answers, and ffmpeg lists the encoder it needs. `encoderVersion` names the tool versions and the recipe
 * hash, e.g. "ffmpeg 5.1.9-0+deb12u1; lame 3.100; recipe 1a2b3c4d", so upgrading either misses the cache.
 */
export async function probeEncoders(tools: ToolPaths = {}): Promise<Map<EncodingId, EncoderAvailability>> {
  const status = await probeTools(tools);
  const result = new Map<EncodingId, EncoderAvailability>();
  for (const encoding of ENCODING_IDS) result.set(encoding, availabilityOf(encoding, status));
  return result;
}

function availabilityOf(encoding: EncodingId, status: Record<ToolName, ToolStatus>): EncoderAvailability {
  const recipe = RECIPES[encoding];
  const versions: string[] = [];
  for (const tool of recipe.tools) {
    const toolStatus = status[tool];
    if (!toolStatus.ok) return { encoding, available: false, reason: toolStatus.reason, tool };
    versions.push(`${tool} ${toolStatus.version}`);
  }
  const ffmpeg = status.ffmpeg;
  if (recipe.ffmpegEncoder && ffmpeg.ok && !ffmpeg.encoders?.has(recipe.ffmpegEncoder)) {
    return {
      encoding,
      available: false,
      reason: `ffmpeg ${ffmpeg.version} has no '${recipe.ffmpegEncoder}' encoder`,
      tool: 'ffmpeg',
      encoder: recipe.ffmpegEncoder,
    };
  }
  return {
    encoding,
    available: true,
    encoderVersion: [...versions, `recipe ${recipeHash(encoding)}`].join('; '),
  };
}
