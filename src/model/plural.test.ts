import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agree, bandwidthText, figureText, listText, plural, secondsText } from './plural';

describe('Counted nouns', () => {
  it('one is singular, zero and many are plural', () => {
    expect(plural(1, 'device')).toBe('1 device');
    expect(plural(0, 'device')).toBe('0 devices');
    expect(plural(7, 'DCI link')).toBe('7 DCI links');
    expect(plural(2, 'switch', 'switches')).toBe('2 switches');
  });
  it('writes thousands with a separator', () => {
    expect(plural(1200, 'workload')).toBe('1,200 workloads');
  });
  it('writes every count as toLocaleString("en") does', () => {
    // plural() groups whole numbers itself and keeps one formatter for the rest: the same text.
    const count = fc.oneof(
      fc.integer(),
      fc.maxSafeInteger(),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.double(),
      fc.constantFrom(
        0,
        -0,
        1,
        999,
        1000,
        -1000,
        999_999,
        1_000_000,
        2 ** 53,
        1e21,
        0.5,
        1234.5678,
      ),
    );
    fc.assert(
      fc.property(count, (n) => {
        expect(plural(n, 'host')).toBe(`${n.toLocaleString('en')} ${n === 1 ? 'host' : 'hosts'}`);
      }),
      { numRuns: 2000 },
    );
  });
  it('the verb agrees with the count', () => {
    expect(`${plural(1, 'segment')} ${agree(1, 'loses', 'lose')} L2 reach`).toBe(
      '1 segment loses L2 reach',
    );
    expect(`${plural(3, 'segment')} ${agree(3, 'loses', 'lose')} L2 reach`).toBe(
      '3 segments lose L2 reach',
    );
  });
});

describe('Lists in a sentence', () => {
  it('joins the last item with "and", the others with commas', () => {
    expect(listText([])).toBe('');
    expect(listText(['1 device'])).toBe('1 device');
    expect(listText(['1 device', '2 links'])).toBe('1 device and 2 links');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('Every text counts through plural()', () => {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  it('no hand-made "s" ending on a count is left in src', () => {
    // `n === 1 ? '' : 's'` beside a count is what wrote "1 devices" when someone forgot it.
    const offenders = files(src).filter((f) => /=== 1 \? '' : 's'/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
  it('fires on a file that still makes its own plural', () => {
    expect(/=== 1 \? '' : 's'/.test("`${n} device${n === 1 ? '' : 's'}`")).toBe(true);
  });
});

describe('Figures', () => {
  it('about three significant digits, no trailing zeros, ∞ past any bound', () => {
    expect(figureText(1500)).toBe('1,500');
    expect(figureText(40_000)).toBe('40,000');
    expect(figureText(-1234.5)).toBe('-1,235');
    expect(figureText(999.6)).toBe('1,000');
    expect(figureText(123.4)).toBe('123');
    expect(figureText(12.44)).toBe('12.4');
    expect(figureText(1.254)).toBe('1.25');
    expect(figureText(1.3)).toBe('1.3');
    expect(figureText(0.5554)).toBe('0.555');
    expect(figureText(Infinity)).toBe('∞');
  });
});

describe('Durations and bandwidths', () => {
  it('writes a duration in s, min or h, its figure as any figure', () => {
    expect(secondsText(0.004)).toBe('0.004 s');
    expect(secondsText(1.99)).toBe('1.99 s');
    expect(secondsText(2)).toBe('2 s');
    expect(secondsText(62.94)).toBe('62.9 s');
    expect(secondsText(255)).toBe('4.25 min');
    expect(secondsText(5400)).toBe('1.5 h');
    expect(secondsText(Infinity)).toBe('never');
  });

  it('writes a bandwidth under 1 Gb/s in Mb/s', () => {
    expect(bandwidthText(0.25)).toBe('250 Mb/s');
    expect(bandwidthText(1)).toBe('1 Gb/s');
    expect(bandwidthText(0.9994)).toBe('999 Mb/s');
    expect(bandwidthText(0.9996)).toBe('1 Gb/s');
    expect(bandwidthText(1000)).toBe('1,000 Gb/s');
    expect(bandwidthText(Infinity)).toBe('unlimited');
  });
});
