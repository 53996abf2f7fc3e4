/**
 * Byte helpers shared by the codecs: UTF-8, base64 / base64url, and inflate with a hard cap on
 * its output, so a small compressed input cannot expand into gigabytes (a compression bomb).
 */
import { Inflate, Unzlib } from 'fflate';

const encoder = new TextEncoder();

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8: invalid bytes throw, so a corrupted payload is not silently mangled. */
export function utf8Decode(bytes: Uint8Array, fatal = true): string {
  return new TextDecoder('utf-8', { fatal }).decode(bytes);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) {
    table[B64.charCodeAt(i)] = i;
    table[B64URL.charCodeAt(i)] = i;
  }
  return table;
})();

/** Base64 without padding (url-safe alphabet unless `standard`). */
export function base64Encode(bytes: Uint8Array, standard = false): string {
  const alphabet = standard ? B64 : B64URL;
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      alphabet.charAt(n >>> 18) +
      alphabet.charAt((n >>> 12) & 63) +
      alphabet.charAt((n >>> 6) & 63) +
      alphabet.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest > 1 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out += alphabet.charAt(n >>> 18) + alphabet.charAt((n >>> 12) & 63);
    if (rest > 1) out += alphabet.charAt((n >>> 6) & 63);
    if (standard) out += rest === 1 ? '==' : '=';
  }
  return out;
}

/**
 * Decode base64 or base64url, padded or not; whitespace is ignored. Returns null on any other
 * character or an impossible length, so a damaged payload is reported, not guessed at.
 */
export function base64Decode(text: string): Uint8Array | null {
  // One pass, no regex: a whitespace pattern over untrusted text can take quadratic time.
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let buffer = 0;
  let bits = 0;
  let o = 0;
  let digits = 0;
  let padding = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 12) continue;
    // '=' only as padding: once it appears, nothing but '=' and whitespace may follow.
    if (code === 61) {
      padding = true;
      continue;
    }
    if (padding) return null;
    const value = code < 128 ? (DECODE[code] ?? -1) : -1;
    if (value < 0) return null;
    digits++;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >>> bits) & 0xff;
    }
  }
  if (digits % 4 === 1) return null;
  return out.slice(0, o);
}

export class TooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the content expands beyond ${limitBytes.toLocaleString('en-US')} bytes`);
  }
}

/** Deflate's ratio is at most ~1032:1, so a 1 KB step yields at most ~1 MB before the check. */
const STEP_BYTES = 1024;

/**
 * Inflate raw deflate (`format: 'raw'`) or zlib data, refusing to produce more than `maxBytes`:
 * the input is fed in small steps and the output counted after each. Throws TooLargeError past
 * the cap, and an Error for corrupt or truncated data (callers turn both into values).
 */
export function inflateCapped(
  data: Uint8Array,
  maxBytes: number,
  format: 'raw' | 'zlib' = 'raw',
  dictionary?: Uint8Array,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  };
  const opts = dictionary ? { dictionary } : {};
  const stream = format === 'raw' ? new Inflate(opts, onData) : new Unzlib(opts, onData);
  for (let offset = 0; offset < data.length; offset += STEP_BYTES) {
    const last = offset + STEP_BYTES >= data.length;
    stream.push(data.subarray(offset, offset + STEP_BYTES), last);
    if (total > maxBytes) throw new TooLargeError(maxBytes);
  }
  // The last push is marked final: fflate throws "unexpected EOF" if the stream ends early.
  if (data.length === 0) throw new Error('no data');
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG and link format 2 use it) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
