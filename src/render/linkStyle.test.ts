import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../model/templates/index';
import { loadAvoidRouter } from './avoid';
import { renderDiagram } from './diagram';
import { LEGEND_LINK_STYLES, LINK_STYLES } from './linkStyle';
import { diagramToPdf } from './pdf';
import type { ConnectorRouter } from './router';
import { diagramToSvg } from './svg';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

/** A template with both kinds of DCI link: L2-extending and L3-only (witness WAN). */
const withL3Only = () => {
  const design = TEMPLATES.find((t) => t.id === 'metro-vplex-otv')?.build();
  if (!design) throw new Error('no template');
  const l3 = design.links.filter((l) => l.kind === 'dci' && l.l2Extension === 'none');
  expect(l3.length).toBeGreaterThan(0);
  return { design, l3 };
};

describe('L3-only links are drawn solid, in one style everywhere', () => {
  it('the SVG draws an L3-only link solid, in the L3 colour and width', () => {
    const { design, l3 } = withL3Only();
    const svg = diagramToSvg(renderDiagram(design, router), { legend: true });
    for (const link of l3) {
      const group = new RegExp(`<g id="${link.id}"[^>]*><path ([^>]*)/>`).exec(svg)?.[1] ?? '';
      expect(group, link.id).toContain(`stroke="${LINK_STYLES['dci-l3'].stroke}"`);
      expect(group).toContain(`stroke-width="${LINK_STYLES['dci-l3'].widthPx}"`);
      expect(group).not.toContain('dasharray');
    }
  });
  it('the SVG legend shows the same styles, none dashed', () => {
    const { design } = withL3Only();
    const svg = diagramToSvg(renderDiagram(design, router), { legend: true });
    const legend = /<g data-part="legend">.*?<\/g>/s.exec(svg)?.[0] ?? '';
    for (const id of LEGEND_LINK_STYLES) {
      expect(legend).toContain(LINK_STYLES[id].label);
      expect(legend).toContain(
        `stroke="${LINK_STYLES[id].stroke}" stroke-width="${LINK_STYLES[id].widthPx}"`,
      );
    }
    expect(legend).not.toContain('dasharray');
  });
  it('the PDF draws links without a dash pattern (sites keep theirs)', () => {
    const { design } = withL3Only();
    const pdf = String.fromCharCode(
      ...diagramToPdf(renderDiagram(design, router), { legend: true }),
    );
    // Every stroked polyline sets its dash: "[] 0 d" solid, "[a b] 0 d" dashed. Links and
    // legend lines are polylines; only the site outlines (rounded rectangles) may be dashed.
    const dashes = [...pdf.matchAll(/\[([\d. ]*)\] 0 d/g)].map((m) => m[1]);
    const sites = design.nodes.filter((n) => n.kind === 'site').length;
    expect(dashes.filter((d) => d !== '').length).toBe(sites);
  });
  it('the canvas’ theme variables start from the same light colours', () => {
    const css = readFileSync(new URL('../index.css', import.meta.url), 'utf8');
    const light = css.slice(0, css.indexOf('\n.dark {'));
    for (const style of Object.values(LINK_STYLES)) {
      if (!style.cssVar) continue;
      expect(light).toContain(`${style.cssVar}: ${style.stroke};`);
    }
  });
});
