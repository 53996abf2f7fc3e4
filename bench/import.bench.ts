/**
 * Import benchmark: how long `importBytes` takes to answer hostile files of the sizes a user
 * may import (the limit is 20 MB), and a large genuine design file. Target: every answer under
 * a second. (Before the linear scanners, a 240 KB SVG of open `<dci:design ` tags took 5–28 s
 * in Node and 2.4 MB blocked Chromium for ~8.6 s: the design-extraction regex was quadratic.)
 */
import { toDocument } from '../src/io/document';
import {
  pngBomb,
  pngCutInDesign,
  svgBomb,
  svgOfOpenDesignTags,
  svgOfOpenDesignTagsClosedAtEnd,
  svgOfWhitespaceBase64,
} from '../src/io/hostile';
import { importBytes } from '../src/io/import';
import { syntheticDesign } from '../src/model/synthetic';
import { fmt, medianMs } from './util';

const MB = 1_000_000;

export default function run() {
  const large = new TextEncoder().encode(
    JSON.stringify(toDocument(syntheticDesign({ sites: 20, elements: 60_000 }))),
  );
  const cases: [string, string, Uint8Array][] = [
    ['open <dci:design tags, 2.4 MB', 'x.svg', svgOfOpenDesignTags(2.4 * MB)],
    ['open <dci:design tags, 20 MB', 'x.svg', svgOfOpenDesignTags(20 * MB)],
    ['open tags closed at the end, 20 MB', 'x.svg', svgOfOpenDesignTagsClosedAtEnd(20 * MB)],
    ['whitespace base64, 20 MB', 'x.svg', svgOfWhitespaceBase64(20 * MB)],
    ['PNG bomb (21 MB inflated)', 'x.png', pngBomb()],
    ['SVG bomb (21 MB inflated)', 'x.svg', svgBomb()],
    ['PNG cut inside its design', 'x.png', pngCutInDesign(new TextDecoder().decode(large))],
    [`design file, ${(large.length / MB).toFixed(1)} MB`, 'x.dci.json', large],
  ];
  for (const [what, name, bytes] of cases) {
    let answer = '';
    const ms = medianMs(
      () => {
        const result = importBytes(name, bytes);
        answer = result.ok ? 'opened' : result.error.kind;
      },
      3,
      1,
    );
    console.log(`${what.padEnd(40)} ${fmt(ms).padStart(8)} ms  → ${answer}`);
  }
}
