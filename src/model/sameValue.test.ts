import { describe, expect, it } from 'vitest';
import { sameValue } from './sameValue';

describe('sameValue', () => {
  it('is deep equality of plain data', () => {
    expect(sameValue({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue({}, { a: undefined })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({ 0: 1 }, [1])).toBe(false);
    expect(sameValue({ a: { b: [1] } }, { a: { b: ['1'] } })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0, -0)).toBe(false);
  });

  it('compares own keys only, as Object.keys lists them', () => {
    const inherited = Object.create({ shared: 1 }) as Record<string, unknown>;
    expect(sameValue(inherited, {})).toBe(true);
    expect(sameValue({}, inherited)).toBe(true);
    inherited['own'] = 2;
    expect(sameValue(inherited, { own: 2 })).toBe(true);
    expect(sameValue(inherited, { own: 2, shared: 1 })).toBe(false);
    const bare = Object.create(null) as Record<string, unknown>;
    bare['a'] = [1];
    expect(sameValue(bare, { a: [1] })).toBe(true);
    expect(sameValue({ a: [1], b: 1 }, bare)).toBe(false);
  });
});
