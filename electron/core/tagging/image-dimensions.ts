// Reads a JPEG's or PNG's pixel size from its header, so covers can be checked without an image library.

export interface ImageInfo {
  width: number;
  height: number;
  mimeType: 'image/jpeg' | 'image/png';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Size and type of a JPEG or PNG; null for anything else, including truncated or damaged headers. */
export function imageDimensions(data: Uint8Array): ImageInfo | null {
  if (data.length >= 24 && PNG_SIGNATURE.every((byte, i) => data[i] === byte)) return pngDimensions(data);
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegDimensions(data);
  return null;
}

function pngDimensions(data: Uint8Array): ImageInfo | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // IHDR must be the first chunk and is always 13 bytes long.
  const isIhdr = view.getUint32(8) === 13 && String.fromCharCode(...data.subarray(12, 16)) === 'IHDR';
  if (!isIhdr) return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height, mimeType: 'image/png' } : null;
}

// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but don't.
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
// Markers without a length field: TEM, RSTn, SOI, EOI.
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);

function jpegDimensions(data: Uint8Array): ImageInfo | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 2;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) return null;
    const marker = data[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte before a marker
      continue;
    }
    pos += 2;
    if (isStandalone(marker)) {
      if (marker === 0xd9) return null; // EOI before any frame header
      continue;
    }
    const length = view.getUint16(pos);
    if (length < 2 || pos + length > data.length) return null;
    if (isStartOfFrame(marker)) {
      if (length < 7) return null;
      const height = view.getUint16(pos + 3);
      const width = view.getUint16(pos + 5);
      return width > 0 && height > 0 ? { width, height, mimeType: 'image/jpeg' } : null;
    }
    // Entropy-coded data follows SOS; a frame header after it would be a broken file.
    if (marker === 0xda) return null;
    pos += length;
  }
  return null;
}
