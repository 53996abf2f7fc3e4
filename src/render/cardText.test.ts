import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMetroVplexOtv } from '../model/templates/metro-vplex-otv';
import { loadAvoidRouter } from './avoid';
import { CARD_NAME_FONTS_PX, CARD_TEXT_ROOM, cardLayout, cardName, farNameFont } from './cardText';
import { renderDiagram } from './diagram';
import { textWidth } from './metrics';
import { diagramToPdf } from './pdf';
import type { ConnectorRouter } from './router';
import { diagramToSvg } from './svg';

describe('A device card’s name', () => {
  it('is drawn whole at 13 px when it fits', () => {
    expect(cardName('esx-prod-a')).toEqual({ text: 'esx-prod-a', fontPx: 13 });
  });

  it('is set smaller rather than cut, so a pair that differs at the end stays told apart', () => {
    for (const name of ['ams-dci-edge-1', 'ams-dci-edge-2']) {
      const fitted = cardName(name);
      expect(fitted.text).toBe(name);
      expect(fitted.fontPx).toBeLessThan(13);
    }
  });

  it('is cut in the middle when too long even at its smallest, keeping its end', () => {
    const fitted = cardName('prod-esxi-cluster-amsterdam-01');
    expect(fitted.fontPx).toBe(11);
    expect(fitted.text).toMatch(/^prod-es.*…dam-01$/u);
    expect(textWidth(fitted.text, 11, true)).toBeLessThanOrEqual(CARD_TEXT_ROOM);
  });

  it('reads from its start when it ends in words rather than a short part', () => {
    const fitted = cardName('ams-fw (inter-site cluster)');
    expect(fitted.fontPx).toBe(11);
    expect(fitted.text).toMatch(/^ams-fw \(inter.*…$/u);
  });

  it('always fits its room, and two names that differ in a short last part stay apart', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 8 }), (stem, d) => {
        const one = cardName(`${stem}-${d}`);
        const other = cardName(`${stem}-${d + 1}`);
        expect(CARD_NAME_FONTS_PX).toContain(one.fontPx);
        expect(textWidth(one.text, one.fontPx, true)).toBeLessThanOrEqual(CARD_TEXT_ROOM);
        expect(one.text).not.toBe(other.text);
      }),
    );
  });
});

describe('A zoomed-out box’s name', () => {
  it('keeps the large type when each of its words fits a line', () => {
    for (const name of ['esx-prod-a', 'ONTAP Mediator', 'ams-fw (inter-site cluster)'])
      expect(farNameFont(name)).toBe(24);
  });

  it('is set smaller when a word would not fit, down to the smallest size', () => {
    expect(farNameFont('MetroCluster A (fas-a)')).toBeLessThan(24);
    expect(farNameFont('prod_esxi_cluster_amsterdam_01')).toBe(18);
  });
});

describe('A card’s layout in the exports', () => {
  it('centres the icon box on the card, and keeps the words beside it, inside the card', () => {
    const box = { x: 100, y: 40, width: 168, height: 56 };
    const { iconBox, name, subtitle } = cardLayout(box, 'ams-dci-edge-1', 'Border / DCI edge');
    expect(iconBox.y + iconBox.height / 2).toBe(box.y + box.height / 2);
    expect(iconBox.x).toBeGreaterThan(box.x);
    for (const line of [name, subtitle]) {
      expect(line.x).toBeGreaterThan(iconBox.x + iconBox.width);
      expect(line.x + textWidth(line.text, line.fontPx, line === name)).toBeLessThanOrEqual(
        box.x + box.width,
      );
    }
    expect(name.baseline).toBeLessThan(subtitle.baseline);
    expect(name).toMatchObject(cardName('ams-dci-edge-1'));
  });
});

describe('The exports draw a card’s name as the canvas does', () => {
  let router: ConnectorRouter;
  beforeAll(async () => {
    router = await loadAvoidRouter();
  });

  it('whole, at the size that fits, in the SVG and the PDF', () => {
    const diagram = renderDiagram(buildMetroVplexOtv(), router);
    const svg = diagramToSvg(diagram);
    const pdf = String.fromCharCode(...diagramToPdf(diagram));
    for (const name of ['ams-dci-edge-1', 'ams-dci-edge-2']) {
      const { fontPx } = cardName(name);
      expect(svg).toMatch(new RegExp(`font-size="${fontPx}"[^>]*>${name}</text>`, 'u'));
      expect(pdf).toMatch(new RegExp(`/F2 ${fontPx * 0.75} Tf [^\\n]*? \\(${name}\\) Tj`, 'u'));
    }
  });
});
