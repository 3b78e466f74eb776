// megadisc preview TRACK_ID [--out FILE] [--play]: the store's free preview of a track, saved to a file
// or handed to the system's player. Goes through the same core proxy the UI plays previews from.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { openWithSystem } from '../../core/media/open-with-system.ts';
import { fetchPreview } from '../../core/media/preview-proxy.ts';
import { ERROR_CODES, type ErrorCode, MegadiscError } from '../../shared/errors.ts';
import { requireInt, withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { formatMb } from '../render/format.ts';

export const preview = (argv: string[]) =>
  withContext(argv, { out: { type: 'string' }, play: { type: 'boolean', default: false } }, async (ctx) => {
    const { i18n } = ctx;
    if (ctx.positionals.length !== 1)
      throw new CliError(
        'INVALID_ARGUMENT',
        i18n.t('cli.usage.badArguments', { detail: 'megadisc preview TRACK_ID' }),
      );
    const trackId = requireInt(ctx.positionals[0], 'TRACK_ID');
    const answer = await fetchPreview(() => ctx.engine.client(false), trackId);
    if (answer.status !== 200 || !answer.body || typeof answer.body === 'string')
      throw refusal(answer.status, typeof answer.body === 'string' ? answer.body : '');

    const name = safeName(answer.fileName ?? `track-${trackId} (preview).ogg`);
    const out = typeof ctx.values.out === 'string' ? resolve(ctx.values.out) : undefined;
    const path = out ?? (ctx.values.play ? join(tmpdir(), 'megadisc-previews', name) : resolve(name));
    if (!out && ctx.values.play) await mkdir(join(tmpdir(), 'megadisc-previews'), { recursive: true });
    let bytes = 0;
    const body = Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    await pipeline(body, createWriteStream(path));

    if (ctx.values.play) {
      try {
        await openWithSystem(path);
      } catch (error) {
        throw new CliError('INVALID_STATE', i18n.t('cli.preview.noPlayer', { path }), undefined, {
          cause: error,
        });
      }
    }
    ctx.print({ trackId, path, bytes }, () =>
      ctx.values.play
        ? i18n.t('cli.preview.playing', { path })
        : i18n.t('cli.preview.saved', { trackId, path, size: formatMb(i18n, bytes) }),
    );
    return 0;
  });

/** The proxy's JSON refusal as the error the CLI prints (its code sets the exit status). */
function refusal(status: number, body: string): MegadiscError {
  try {
    const { error } = JSON.parse(body) as { error: { code: string; message: string } };
    if (isErrorCode(error.code)) return new MegadiscError(error.code, error.message, { status });
  } catch {
    // Not the proxy's JSON: the status is all there is.
  }
  return new MegadiscError('STORE_ERROR', `the store answered ${status}`, { status });
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** A name the store chose, made safe to create in any folder on any OS. */
function safeName(name: string): string {
  return basename(name).replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_') || 'preview.ogg';
}
