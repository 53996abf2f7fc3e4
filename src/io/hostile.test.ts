import { describe, expect, it } from 'vitest';
import { toDocument } from './document';
import {
  pngBomb,
  pngCutInDesign,
  svgBomb,
  svgOfOpenDesignTags,
  svgOfOpenDesignTagsClosedAtEnd,
  svgOfWhitespaceBase64,
} from './hostile';
import { importBytes } from './import';
import { TEMPLATES } from '../model/templates/index';
import { base64Decode } from './bytes';

const template = () => {
  const first = TEMPLATES[0];
  if (!first) throw new Error('no template');
  return first.build();
};
const MB = 1_000_000;
/** Building a bomb (compressing 21 MB) is the slow part; a loaded machine must not fail it. */
const BUILD_TIMEOUT_MS = 60_000;

describe('Hostile files are answered, with a precise reason', () => {
  // Speed lives in `npm run bench import`; here the answers. These used to take minutes.
  it(
    'a 2.4 MB SVG of open <dci:design tags: no design in it, cut short',
    { timeout: BUILD_TIMEOUT_MS },
    () => {
      const result = importBytes('crafted.svg', svgOfOpenDesignTags(2.4 * MB));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/cut short/u);
    },
  );

  it('the same with a closing ">" at the end', () => {
    const result = importBytes('crafted.svg', svgOfOpenDesignTagsClosedAtEnd(2.4 * MB));
    expect(result.ok).toBe(false);
  });

  it('base64 that is mostly whitespace decodes (whitespace is ignored), in one pass', () => {
    expect(base64Decode(`QU${' \n'.repeat(500_000)}FB`)).toEqual(Uint8Array.of(65, 65, 65));
    const result = importBytes('crafted.svg', svgOfWhitespaceBase64(2.4 * MB));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/design inside this image is damaged/u);
  });

  it(
    'a PNG bomb is refused as one, not as "no design"',
    () => {
      const result = importBytes('bomb.png', pngBomb());
      expect(!result.ok && result.error.kind).toBe('too-large');
      expect(!result.ok && result.error.message).toMatch(/would expand beyond 20 MB/u);
    },
    BUILD_TIMEOUT_MS,
  );

  it(
    'an SVG bomb is refused as one',
    () => {
      const result = importBytes('bomb.svg', svgBomb());
      expect(!result.ok && result.error.message).toMatch(/would expand beyond 20 MB/u);
    },
    BUILD_TIMEOUT_MS,
  );

  it('a PNG cut inside its design chunk says the design is cut short', () => {
    const png = pngCutInDesign(JSON.stringify(toDocument(template())));
    const result = importBytes('cut.png', png);
    expect(!result.ok && result.error.message).toBe(
      'The design inside this image is cut short: the file is incomplete (an interrupted download or copy?).',
    );
  });

  it('1e999 in a file is "a number too large", not "expected a number, got a number"', () => {
    const text = JSON.stringify(toDocument(template())).replace(
      /"distanceKm":[0-9.]+/u,
      '"distanceKm":1e999',
    );
    const result = importBytes('big.dci.json', new TextEncoder().encode(text));
    expect(!result.ok && result.error.message).toMatch(
      /distanceKm \(id "[^"]+"\): a number too large\.$/u,
    );
  });
});

describe('Text and coordinates the loader refuses', () => {
  const withLabel = (label: string) => {
    const doc = toDocument(template()) as unknown as { nodes: { label: string }[] };
    const first = doc.nodes[0];
    if (first) first.label = label;
    return JSON.stringify(doc);
  };
  const load = (text: string) => importBytes('x.dci.json', new TextEncoder().encode(text));

  it('a NUL, a BEL, a lone surrogate or a bidi override in a label, with where and why', () => {
    for (const [label, why] of [
      ['a\u0000b', 'a control character (U+0000)'],
      ['bell\u0007', 'a control character (U+0007)'],
      ['x\ud800', 'a broken character (a lone surrogate, U+D800)'],
      ['abc\u202efdp.exe', 'a bidirectional override (U+202E)'],
    ] as const) {
      const result = load(withLabel(label));
      expect(!result.ok && result.error.message).toContain(
        `nodes[0].label (id "dc1"): contains ${why}`,
      );
    }
  });

  it('a clean label loads (the quiet case)', () => {
    expect(load(withLabel('DC Amsterdam <b> & é 𝄞')).ok).toBe(true);
  });

  it('positions beyond ±10⁷ are refused, within load', () => {
    const doc = toDocument(template()) as unknown as { nodes: { position: { x: number } }[] };
    const first = doc.nodes[0];
    if (!first) throw new Error('no node');
    first.position.x = 1e308;
    const result = load(JSON.stringify(doc));
    expect(!result.ok && result.error.message).toBe(
      'nodes[0].position.x (id "dc1"): expected a number ≤ 10,000,000.',
    );
    first.position.x = -9_999_999;
    expect(load(JSON.stringify(doc)).ok).toBe(true);
  });
});
