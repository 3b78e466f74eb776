// Sends an encoded file with a strong ETag, Repr-Digest and RFC 9110 range handling.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StoreError } from '../errors.ts';
import { SENT } from './bind-route.ts';
import { decideRange, ifRangeMatches } from './byte-range.ts';

export interface ServedFile {
  path: string;
  bytes: number;
  sha256: string;
  mimeType: string;
  fileName: string;
}

/** A cached encode went missing (cache cleared): temporary, so 503 with a hint when to come back. */
function reencoding(cause?: unknown): StoreError {
  return new StoreError('NOT_READY', 503, 'the file is being re-encoded; try again shortly', {
    cause,
    headers: { 'retry-after': '5' },
  });
}

export async function serveFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: ServedFile,
): Promise<typeof SENT> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file.path);
  } catch (cause) {
    throw reencoding(cause);
  }
  if (info.size !== file.bytes) throw reencoding();
  // The content hash is the validator: the same bytes always get the same ETag.
  const etag = `"${file.sha256}"`;
  const lastModified = info.mtime.toUTCString();
  const digest = `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`;
  reply
    .header('etag', etag)
    .header('last-modified', lastModified)
    .header('accept-ranges', 'bytes')
    .header('repr-digest', digest)
    .header('cache-control', 'private, max-age=3600')
    .header('content-type', file.mimeType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);

  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    reply.code(304).send();
    return SENT;
  }
  const rawIfRange = request.headers['if-range'];
  const ifRange = Array.isArray(rawIfRange) ? rawIfRange[0] : rawIfRange;
  const rangeHeader = ifRangeMatches(ifRange, etag, lastModified) ? request.headers.range : undefined;
  const decision = decideRange(rangeHeader, file.bytes);
  if (decision.kind === 'unsatisfiable') {
    throw new StoreError('RANGE_NOT_SATISFIABLE', 416, decision.reason, {
      headers: { 'content-range': `bytes */${file.bytes}` },
    });
  }
  const { start, end } = decision.kind === 'partial' ? decision : { start: 0, end: file.bytes - 1 };
  if (decision.kind === 'partial')
    reply.code(206).header('content-range', `bytes ${start}-${end}/${file.bytes}`);
  else reply.code(200);
  reply.header('content-length', String(end - start + 1));
  if (request.method === 'HEAD') {
    // Write the head ourselves: fastify would otherwise count the empty body and send Content-Length: 0.
    reply.hijack();
    reply.raw.writeHead(reply.statusCode, reply.getHeaders() as Record<string, string>);
    reply.raw.end();
    return SENT;
  }
  reply.send(createReadStream(file.path, { start, end, highWaterMark: 256 * 1024 }));
  return SENT;
}
