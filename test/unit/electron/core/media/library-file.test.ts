// The range answer and the media types of library files, and the system opener's command line.
import { describe, expect, it } from 'vitest';
import { answerRange, libraryFileType } from '../../../../../electron/core/media/library-file.ts';
import { systemOpenCommand } from '../../../../../electron/core/media/open-with-system.ts';

const file = {
  size: 100,
  mtime: new Date('2026-01-02T03:04:05Z'),
  etag: '"64-1-1"',
  contentType: 'audio/mpeg',
};

describe('answerRange', () => {
  it('answers several ranges, a malformed one or a reversed one with the whole file', () => {
    for (const range of ['bytes=0-1,5-6', 'bytes=abc', 'items=0-1', 'bytes=9-3', 'bytes=-'])
      expect(answerRange(file, { range }).status).toBe(200);
  });
  it('clamps suffix ranges and refuses empty ones', () => {
    expect(answerRange(file, { range: 'bytes=-500' })).toMatchObject({
      status: 206,
      body: { start: 0, end: 99 },
    });
    expect(answerRange(file, { range: 'bytes=-0' }).status).toBe(416);
    expect(answerRange({ ...file, size: 0 }, {}).body).toBeNull();
  });
  it('takes If-Range as a date too', () => {
    expect(answerRange(file, { range: 'bytes=0-0', ifRange: file.mtime.toUTCString() }).status).toBe(206);
    expect(answerRange(file, { range: 'bytes=0-0', ifRange: new Date(0).toUTCString() }).status).toBe(200);
    expect(answerRange(file, { range: 'bytes=0-0', ifRange: 'W/"64-1-1"' }).status).toBe(200);
  });
});

describe('libraryFileType', () => {
  it('names each sold format', () => {
    expect(libraryFileType('a.ogg', 'opus-160')).toBe('audio/ogg; codecs=opus');
    expect(libraryFileType('a.m4a', 'alac')).toBe('audio/mp4');
    expect(libraryFileType('a.wma', 'wma-192')).toBe('audio/x-ms-wma');
    expect(libraryFileType('a.mpc', 'mpc-standard')).toBe('audio/x-musepack');
    expect(libraryFileType('a.flac', 'unknown')).toBe('audio/flac');
    expect(libraryFileType('a.exe', 'unknown')).toBe('application/octet-stream');
  });
});

describe('systemOpenCommand', () => {
  it('passes the path as one argument, never through a shell', () => {
    const path = '/music/A & B; rm -rf ~/01 $(x).mp3';
    expect(systemOpenCommand(path, 'linux')).toEqual(['xdg-open', [path]]);
    expect(systemOpenCommand(path, 'darwin')).toEqual(['open', [path]]);
    expect(systemOpenCommand(path, 'win32')).toEqual(['rundll32', ['url.dll,FileProtocolHandler', path]]);
  });
});
