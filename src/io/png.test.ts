import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from './bytes';
import { chunk, concat, tinyPng } from './hostile';
import { embedDesignInPng, extractDesignFromPng, isPng, PNG_KEYWORD } from './png';

const json = '{"version":1,"name":"Métro ✓ 𝄞"}';

describe('A design inside a PNG', () => {
  it('computes the CRC-32 PNG uses', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('comes back out as it went in, in an iTXt chunk before IEND', () => {
    const png = embedDesignInPng(tinyPng(), json);
    expect(isPng(png)).toBe(true);
    expect(extractDesignFromPng(png)).toBe(json);
    const text = new TextDecoder('latin1').decode(png);
    expect(text.indexOf(`iTXt${PNG_KEYWORD}`)).toBeGreaterThan(0);
    expect(text.indexOf('iTXt')).toBeLessThan(text.indexOf('IEND'));
    expect(text.endsWith('IEND\xae\x42\x60\x82')).toBe(true);
  });

  it('replaces the design an image already carried', () => {
    const twice = embedDesignInPng(embedDesignInPng(tinyPng(), '{"a":1}'), json);
    expect(extractDesignFromPng(twice)).toBe(json);
    expect(twice.length).toBe(embedDesignInPng(tinyPng(), json).length);
  });

  it('reads an uncompressed tEXt design too', () => {
    const keyword = new TextEncoder().encode(`${PNG_KEYWORD}\0{"x":1}`);
    const png = tinyPng();
    const withText = concat(
      png.subarray(0, png.length - 12),
      chunk('tEXt', keyword),
      png.subarray(-12),
    );
    expect(extractDesignFromPng(withText)).toBe('{"x":1}');
  });

  it('finds nothing in an image without a design, or in something that is not a PNG', () => {
    expect(extractDesignFromPng(tinyPng())).toBeNull();
    expect(extractDesignFromPng(new TextEncoder().encode(json))).toBeNull();
    expect(extractDesignFromPng(new Uint8Array(0))).toBeNull();
  });

  it('refuses to embed into something that is not a PNG', () => {
    expect(() => embedDesignInPng(new Uint8Array(10), json)).toThrow(/not a PNG/);
  });

  it('ignores a chunk whose CRC does not match', () => {
    const png = embedDesignInPng(tinyPng(), json);
    const at = new TextDecoder('latin1').decode(png).indexOf('iTXt') + 30;
    png[at] = (png[at] ?? 0) ^ 0xff;
    expect(extractDesignFromPng(png)).toBeNull();
  });

  it('never throws on truncated or corrupted images', () => {
    const png = embedDesignInPng(tinyPng(), json);
    fc.assert(
      fc.property(
        fc.nat({ max: png.length }),
        fc.array(fc.tuple(fc.nat({ max: png.length - 1 }), fc.nat({ max: 255 })), {
          maxLength: 4,
        }),
        (cut, flips) => {
          const damaged = png.slice(0, cut);
          for (const [at, byte] of flips) if (at < damaged.length) damaged[at] = byte;
          const result = extractDesignFromPng(damaged);
          expect(result === null || typeof result === 'string').toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a compressed design that expands past the limit', () => {
    const bomb = zlibSync(new Uint8Array(25_000_000).fill(32), { level: 9 });
    const data = concat(new TextEncoder().encode(`${PNG_KEYWORD}\0\x01\0\0\0`), bomb);
    const png = tinyPng();
    const withBomb = concat(
      png.subarray(0, png.length - 12),
      chunk('iTXt', data),
      png.subarray(-12),
    );
    expect(extractDesignFromPng(withBomb)).toBeNull();
  });
});
