import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMetroVplexOtv } from '../model/templates/metro-vplex-otv';
import { loadAvoidRouter } from './avoid';
import {
  CARD_NAME_FONTS_PX,
  CARD_TEXT_ROOM,
  cardLayout,
  cardName,
  cardSubtitle,
  farNameFont,
} from './cardText';
import { renderDiagram } from './diagram';
import { textWidth } from './metrics';
import { diagramToPdf } from './pdf';
import type { ConnectorRouter } from './router';
import { diagramToSvg } from './svg';
import { deviceSubtitles } from './text';
import { HYPERVISOR_PROFILE_IDS, STORAGE_PRODUCT_IDS } from '../model/catalog';
import type { DesignNode } from '../model/schema';
import { TEMPLATES } from '../model/templates';

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

describe('A device card’s subtitle', () => {
  it('takes the most explicit wording that fits, at 11 px', () => {
    expect(cardSubtitle(['Border / DCI edge'])).toEqual({ text: 'Border / DCI edge', fontPx: 11 });
    expect(cardSubtitle(['vSphere 6.0+ · 8 hosts', '8 × vSphere 6+'])).toEqual({
      text: '8 × vSphere 6+',
      fontPx: 11,
    });
  });

  it('is set at 10 px when no wording fits at 11, and cut only when none fits at 10', () => {
    const tenOnly = 'vSphere 6+ · 8 hosts';
    expect(textWidth(tenOnly, 11)).toBeGreaterThan(CARD_TEXT_ROOM);
    expect(cardSubtitle([tenOnly])).toEqual({ text: tenOnly, fontPx: 10 });
    const cut = cardSubtitle([
      'Azure Local / Azure Stack HCI stretched cluster',
      'Azure Local stretched cluster',
    ]);
    expect(cut.fontPx).toBe(11);
    expect(cut.text).toMatch(/^Azure Local stre.*…$/u);
    expect(textWidth(cut.text, 11)).toBeLessThanOrEqual(CARD_TEXT_ROOM);
  });

  it('of every device of every template and every catalog entry reads whole', () => {
    const cut = devicesOfEveryKind()
      .map((n) => cardSubtitle(deviceSubtitles(n)).text)
      .filter((text) => text.endsWith('…'));
    expect(cut).toEqual([]);
  });

  it('keeps the most explicit wording first, for the tooltip and draw.io', () => {
    const cluster = devicesOfEveryKind().find(
      (n) => n.kind === 'cluster' && n.profile === 'vsphere-6',
    );
    expect(cluster && deviceSubtitles(cluster)).toEqual([
      expect.stringMatching(/^vSphere 6\.0\+ · \d+ hosts$/u),
      expect.stringMatching(/^\d+ × vSphere 6\+$/u),
      'vSphere 6+',
    ]);
  });
});

/**
 * A device of each kind from the templates, plus a cluster of each hypervisor profile (up to
 * 128 hosts), an array of each product and a ToR and a firewall with every flag.
 */
function devicesOfEveryKind(): DesignNode[] {
  const nodes = TEMPLATES.flatMap((t) => t.build().nodes).filter((n) => n.kind !== 'site');
  const cluster = nodes.find((n) => n.kind === 'cluster');
  const array = nodes.find((n) => n.kind === 'array');
  const tor = nodes.find((n) => n.kind === 'tor');
  const firewall = nodes.find((n) => n.kind === 'firewall');
  if (!cluster || !array || !tor || !firewall) throw new Error('a template kind is missing');
  return [
    ...nodes,
    ...HYPERVISOR_PROFILE_IDS.flatMap((profile) =>
      [8, 12, 128].map((hosts) => ({ ...cluster, profile, hosts })),
    ),
    ...STORAGE_PRODUCT_IDS.map((product) => ({ ...array, product })),
    ...(['l2', 'l3'] as const).flatMap((boundary) =>
      [false, true].flatMap((overlay) =>
        [false, true].map((anycastGateway) => ({ ...tor, boundary, overlay, anycastGateway })),
      ),
    ),
    ...[false, true].flatMap((stateful) =>
      [false, true].map((stateSynced) => ({ ...firewall, stateful, stateSynced })),
    ),
  ];
}

describe('A card’s layout in the exports', () => {
  it('centres the icon box on the card, and keeps the words beside it, inside the card', () => {
    const box = { x: 100, y: 40, width: 168, height: 56 };
    const { iconBox, name, subtitle } = cardLayout(box, 'ams-dci-edge-1', ['Border / DCI edge']);
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
