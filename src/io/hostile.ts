/**
 * Hostile files, built on demand for the tests and the import benchmark: inputs that made a
 * parser backtrack, expand or trip, each of the size a user could import (≤ 20 MB). Test
 * support only; nothing in the studio imports this.
 */
import { zlibSync } from 'fflate';
import { crc32 } from './bytes';
import { embedDesignInPng } from './png';

const encoder = new TextEncoder();

/** `<svg>` then `<dci:design ` repeated up to `bytes` (the regex this broke was quadratic). */
export function svgOfOpenDesignTags(bytes: number): Uint8Array {
  const unit = '<dci:design ';
  return encoder.encode(`<svg>${unit.repeat(Math.floor((bytes - 5) / unit.length))}`);
}

/** As above, with one '>' at the very end (every open tag then reaches it). */
export function svgOfOpenDesignTagsClosedAtEnd(bytes: number): Uint8Array {
  const unit = '<dci:design ';
  return encoder.encode(`<svg>${unit.repeat(Math.floor((bytes - 6) / unit.length))}>`);
}

/** A design element whose base64 is mostly whitespace runs (the old trim was quadratic). */
export function svgOfWhitespaceBase64(bytes: number): Uint8Array {
  const head = '<svg><metadata><dci:design encoding="base64">QUFB';
  const run = ' \n\t'.repeat(Math.floor((bytes - head.length - 40) / 3));
  return encoder.encode(`${head}${run}x</dci:design></metadata></svg>`);
}

/** A PNG chunk: length, type, data and its CRC. */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(
    Uint8Array.from(type, (c) => c.charCodeAt(0)),
    4,
  );
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A real 1×1 grey PNG. */
export function tinyPng(): Uint8Array {
  return concat(
    Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10),
    chunk('IHDR', Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0)),
    chunk('IDAT', zlibSync(Uint8Array.of(0, 128))),
    chunk('IEND', new Uint8Array(0)),
  );
}

/** A PNG whose design chunk inflates to `expandedBytes` of spaces (a compression bomb). */
export function pngBomb(expandedBytes = 21_000_000): Uint8Array {
  return embedDesignInPng(tinyPng(), ' '.repeat(expandedBytes));
}

/** An SVG whose design inflates to `expandedBytes` of spaces. */
export function svgBomb(expandedBytes = 21_000_000): Uint8Array {
  const payload = zlibSync(encoder.encode(' '.repeat(expandedBytes)), { level: 9 });
  let b64 = '';
  for (let i = 0; i < payload.length; i += 3 * 4096)
    b64 += btoa(String.fromCharCode(...payload.subarray(i, i + 3 * 4096)));
  return encoder.encode(
    `<svg><metadata><dci:design encoding="zlib+base64">${b64}</dci:design></metadata></svg>`,
  );
}

/** A PNG carrying `designJson`, cut in the middle of its design chunk. */
export function pngCutInDesign(designJson: string): Uint8Array {
  const whole = embedDesignInPng(tinyPng(), designJson);
  // The design chunk is the one before IEND (12 bytes): cut halfway through it.
  const designChunkBytes = whole.length - 12 - tinyPng().length + 12;
  return whole.subarray(0, whole.length - 12 - Math.floor(designChunkBytes / 2));
}
