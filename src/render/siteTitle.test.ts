import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { createSite, emptyDesign } from '../model/defaults';
import { shapesOf } from './diagram';
import { SITE_TITLE_FONT_PX, textWidth } from './metrics';
import { roomRightOfSites, SITE_TITLE_X, siteNameStripPx, siteTitleLayout } from './siteTitle';

const nameWidth = (text: string) => textWidth(text, SITE_TITLE_FONT_PX, true);

describe("A site's title strip", () => {
  it('draws the name and the caption "Data center · 9 devices" on a site of full size', () => {
    const title = siteTitleLayout('DC1 Amsterdam', 'dc', 9, 600);
    expect(title.text).toBe('DC1 Amsterdam');
    expect(title.caption).toBe('Data center · 9 devices');
    expect(title.captionX).toBeCloseTo(SITE_TITLE_X + 10 + nameWidth('DC1 Amsterdam'));
  });

  it('draws a long name whole without the caption where the strip holds it alone', () => {
    const long = 'Frankfurt am Main, Hanauer Landstraße, second floor, hall B';
    const title = siteTitleLayout(long, 'dc', 120, 600);
    expect(title.text).toBe(long);
    expect(title.caption).toBe('');
  });

  it('cuts a name too long even alone, and leaves room for the caption', () => {
    const long = 'Frankfurt am Main, Hanauer Landstraße, second floor, hall B, rack rows 1 to 40';
    const title = siteTitleLayout(long, 'dc', 120, 600);
    expect(title.text).toMatch(/^Frankfurt am Main, .*…$/u);
    expect(title.caption).toBe('Data center · 120 devices');
    expect(title.end).toBeLessThanOrEqual(600 - 12);
  });

  it('gives way to the name where the strip is narrow (a site zoomed out): no caption over it', () => {
    // 600 px at 20 % zoom: the strip is scaled 3× and has 200 px.
    const title = siteTitleLayout('DC1 Amsterdam', 'dc', 9, 200);
    expect(title.text).toBe('DC1 Amsterdam');
    expect(title.caption).toBe('');
    expect(title.end).toBeLessThanOrEqual(200);
  });

  it('drops the caption rather than cut a name that fits the strip alone', () => {
    // 648 px at 38 % zoom, with its findings badge: "DC1 Amster…  Data center · 9 devices"
    // before, the name cut by the browser for the badge the layout had no room for.
    const title = siteTitleLayout('DC1 Amsterdam', 'dc', 9, 324, true);
    expect(title.text).toBe('DC1 Amsterdam');
    expect(title.caption).toBe('');
    const wider = siteTitleLayout('DC1 Amsterdam', 'dc', 9, 500, true);
    expect(wider.text).toBe('DC1 Amsterdam');
    expect(wider.caption).toBe('Data center · 9 devices');
  });

  it('asks for the strip its name needs alone, which then draws it whole', () => {
    for (const badge of [false, true]) {
      const width = siteNameStripPx('Witness Utrecht', badge);
      const title = siteTitleLayout('Witness Utrecht', 'witness', 2, width, badge);
      expect(title.text).toBe('Witness Utrecht');
      expect(title.end).toBeLessThanOrEqual(width);
    }
    expect(siteNameStripPx('Witness Utrecht', true)).toBeGreaterThan(
      siteNameStripPx('Witness Utrecht'),
    );
  });

  it('never draws past its strip, and the caption always starts after the name', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('dc' as const, 'witness' as const, 'cloud' as const),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 120, max: 4000 }),
        (label, role, count, width) => {
          const title = siteTitleLayout(label, role, count, width);
          expect(title.end).toBeLessThanOrEqual(width);
          if (title.caption)
            expect(title.captionX).toBeGreaterThanOrEqual(SITE_TITLE_X + nameWidth(title.text));
        },
      ),
    );
  });

  it('is what the exports draw', () => {
    const design = emptyDesign('t');
    design.nodes.push(createSite('s', 'DC1 Amsterdam', { x: 100, y: 50 }));
    const [site] = shapesOf(design).sites;
    const title = siteTitleLayout('DC1 Amsterdam', 'dc', 0, site!.box.width);
    expect(site!.title).toEqual({
      text: title.text,
      x: 100 + SITE_TITLE_X,
      captionX: 100 + title.captionX,
      baseline: 74,
    });
    expect(site!.caption).toBe('Data center · 0 devices');
  });
});

describe("The room for a site's title zoomed out", () => {
  it('reaches to the next site on its row, and is unbounded for the last one', () => {
    const d = new DesignBuilder()
      .site('w', 'Witness', { position: { x: 400, y: -900 }, width: 360, height: 300 })
      .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 600, height: 400 })
      .site('b', 'DC2', { position: { x: 900, y: 0 }, width: 600, height: 400 })
      .build();
    const room = roomRightOfSites(d.nodes);
    expect(room.get('a')).toBe(900);
    expect(room.get('b')).toBe(Infinity);
    // The witness above DC1 and DC2 has no site to its right on its row.
    expect(room.get('w')).toBe(Infinity);
  });
});
