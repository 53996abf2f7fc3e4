/**
 * A design inside a PNG: the exported diagram carries its own design in an iTXt chunk
 * (keyword "dci-studio-design", zlib-compressed UTF-8 JSON), so dropping the image back on the
 * studio reopens the design. Pure functions on bytes; reading never throws.
 */
import { zlibSync } from 'fflate';
import { crc32, inflateCapped, TooLargeError, utf8Decode, utf8Encode } from './bytes';

export const PNG_KEYWORD = 'dci-studio-design';
/** The most design text an image may expand to (the loader's own limit is 20 M characters). */
export const MAX_PNG_DESIGN_BYTES = 20_000_000;

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10] as const;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

interface Chunk {
  readonly type: string;
  /** Offset of the length field; the chunk spans [start, end). */
  readonly start: number;
  readonly end: number;
  readonly data: Uint8Array;
  readonly crcOk: boolean;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

/** The chunks of a PNG, up to IEND or to the first one that does not fit (a truncated file). */
function chunks(png: Uint8Array): Chunk[] {
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = readUint32(png, at);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > png.length) break;
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = crc32(png.subarray(at + 4, at + 8 + length)) === readUint32(png, at + 8 + length);
    out.push({ type, start: at, end, data, crcOk });
    at = end;
    if (type === 'IEND') break;
  }
  return out;
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  writeUint32(chunk, 0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  writeUint32(chunk, 8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Is this text chunk ours? (tEXt, zTXt and iTXt all start with a keyword and a NUL.) */
function keywordOf(data: Uint8Array): string | null {
  const nul = data.subarray(0, 80).indexOf(0);
  return nul > 0 && nul < 80 ? String.fromCharCode(...data.subarray(0, nul)) : null;
}

const TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);

/**
 * Return a copy of `png` that carries `designJson` in an iTXt chunk before IEND (replacing a
 * design it already carried). Throws if `png` is not a whole PNG: it is the studio's own export.
 */
export function embedDesignInPng(png: Uint8Array, designJson: string): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG image');
  const all = chunks(png);
  const iend = all.find((c) => c.type === 'IEND');
  if (!iend) throw new Error('the PNG image has no end (IEND) chunk');
  const keyword = latin1(PNG_KEYWORD);
  const text = zlibSync(utf8Encode(designJson), { level: 9 });
  // keyword NUL, compressed=1, method=0 (zlib), empty language tag NUL, empty translation NUL.
  const data = new Uint8Array(keyword.length + 5 + text.length);
  data.set(keyword, 0);
  data.set([0, 1, 0, 0, 0], keyword.length);
  data.set(text, keyword.length + 5);
  const ours = makeChunk('iTXt', data);
  const kept = all.filter(
    (c) => c.type === 'IEND' || !(TEXT_CHUNKS.has(c.type) && keywordOf(c.data) === PNG_KEYWORD),
  );
  const parts = [png.subarray(0, 8)];
  for (const c of kept) {
    if (c.type === 'IEND') parts.push(ours);
    parts.push(png.subarray(c.start, c.end));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The design a PNG carries, or why there is none. */
export type PngDesign =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly reason: 'none' | 'cut' | 'damaged' | 'too-large' };

/**
 * The chunk that does not fit in the file (it was cut inside it), if it is our design chunk:
 * its length field says more bytes than the file still has.
 */
function cutDesignChunk(png: Uint8Array, all: readonly Chunk[]): boolean {
  const last = all[all.length - 1];
  if (last?.type === 'IEND') return false;
  const at = last ? last.end : 8;
  if (at + 8 > png.length) return false;
  const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
  return TEXT_CHUNKS.has(type) && keywordOf(png.subarray(at + 8)) === PNG_KEYWORD;
}

/** The design a PNG carries, or why not (no design, cut short, damaged, a bomb). Never throws. */
export function readDesignFromPng(bytes: Uint8Array): PngDesign {
  try {
    if (!isPng(bytes)) return { ok: false, reason: 'none' };
    const all = chunks(bytes);
    let damaged = false;
    for (const c of all) {
      if (!TEXT_CHUNKS.has(c.type) || keywordOf(c.data) !== PNG_KEYWORD) continue;
      if (!c.crcOk) {
        damaged = true;
        continue;
      }
      const text = readTextChunk(c.type, c.data.subarray(PNG_KEYWORD.length + 1));
      if (text !== null) return { ok: true, json: text };
      damaged = true;
    }
    if (cutDesignChunk(bytes, all)) return { ok: false, reason: 'cut' };
    return { ok: false, reason: damaged ? 'damaged' : 'none' };
  } catch (error) {
    if (error instanceof TooLargeError) return { ok: false, reason: 'too-large' };
    // fflate: the compressed text ends before its end (the chunk itself was whole).
    return { ok: false, reason: 'damaged' };
  }
}

/** The design JSON a PNG carries, or null (not a PNG, no design, damaged). Never throws. */
export function extractDesignFromPng(bytes: Uint8Array): string | null {
  const result = readDesignFromPng(bytes);
  return result.ok ? result.json : null;
}

/** The text of a tEXt / zTXt / iTXt chunk after its keyword and NUL. */
function readTextChunk(type: string, rest: Uint8Array): string | null {
  if (type === 'tEXt') return utf8Decode(rest);
  if (type === 'zTXt') {
    if (rest[0] !== 0) return null;
    return utf8Decode(inflateCapped(rest.subarray(1), MAX_PNG_DESIGN_BYTES, 'zlib'));
  }
  const compressed = rest[0] === 1;
  if (rest[1] !== 0) return null;
  const langEnd = rest.indexOf(0, 2);
  const transEnd = langEnd < 0 ? -1 : rest.indexOf(0, langEnd + 1);
  if (transEnd < 0) return null;
  const text = rest.subarray(transEnd + 1);
  return utf8Decode(compressed ? inflateCapped(text, MAX_PNG_DESIGN_BYTES, 'zlib') : text);
}
