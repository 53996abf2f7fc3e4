import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The rules of the studio's style sheet whose selector names a connection handle. */
function handleRules(): { selector: string; body: string }[] {
  const css = readFileSync(new URL('../index.css', import.meta.url), 'utf8').replace(
    /\/\*[\s\S]*?\*\//g,
    '',
  );
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .map(([, selector = '', body = '']) => ({ selector: selector.trim(), body }))
    .filter((r) => r.selector.includes('react-flow__handle'));
}

describe('connection handles', () => {
  it('are styled by the studio (the rules are found)', () => {
    expect(handleRules().length).toBeGreaterThan(2);
  });
  it('show and hide without a transition or an animation', () => {
    // A card passing under a still pointer (a wheel pan) is hovered and left again every few
    // frames: a fade ran an opacity animation on its four handles each time.
    for (const rule of handleRules())
      expect(rule.body, rule.selector).not.toMatch(/transition|animation/);
  });
});
