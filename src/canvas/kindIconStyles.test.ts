import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../model/kinds';
import { KIND_ICON_COLOR, KIND_ICON_SVG } from '../render/icons';
import { ICON_BOX, kindIconClass, kindIconStyles } from './kindIconStyles';

/** The SVG each rule of the sheet draws, keyed by its selector. */
function sheetIcons(css: string): Map<string, string> {
  const icons = new Map<string, string>();
  for (const m of css.matchAll(/^(.+?)\{background-image:url\("data:image\/svg\+xml,(.+?)"\)\}$/gm))
    icons.set(m[1] ?? '', decodeURIComponent(m[2] ?? ''));
  return icons;
}

describe('The device cards’ icons', () => {
  const icons = sheetIcons(kindIconStyles());

  it('draw every kind’s exported icon in its colour, on a light and a dark canvas', () => {
    for (const kind of NODE_KINDS) {
      const light = icons.get(`.kind-icon-${kind}${ICON_BOX}`);
      const dark = icons.get(`.dark .kind-icon-${kind}${ICON_BOX}`);
      expect(light).toContain(KIND_ICON_SVG[kind]);
      expect(light).toContain(`stroke="${KIND_ICON_COLOR[kind]}"`);
      expect(dark).toContain(KIND_ICON_SVG[kind]);
      expect(dark).toMatch(/stroke="#[0-9a-f]{6}"/);
    }
  });

  it('are named by a class per kind', () => {
    expect(kindIconClass('tor')).toBe('kind-icon kind-icon-tor');
    expect(kindIconStyles()).toMatch(/^\.kind-icon::before\{[^}]*background-size:18px 18px/m);
  });

  it('draw the image in a box of its own, not on the rounded square (no offscreen layer per card)', () => {
    const sheet = kindIconStyles();
    const images = [...sheet.matchAll(/^(.+?)\{background-image:/gm)].map((m) => m[1] ?? '');
    expect(images).toHaveLength(2 * NODE_KINDS.length);
    for (const selector of images) expect(selector).toMatch(/::before$/);
    // The box fills the rounded square, square-cornered, and is drawn.
    expect(sheet).toMatch(/^\.kind-icon::before\{content:'';display:block;height:100%;/m);
    expect(sheet).not.toMatch(/border-radius/);
  });
});
