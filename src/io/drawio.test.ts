import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDesign } from '../model/synthetic';
import { TEMPLATES } from '../model/templates/index';
import { loadAvoidRouter } from '../render/avoid';
import { renderDiagram } from '../render/diagram';
import type { ConnectorRouter } from '../render/router';
import { diagramToDrawio } from './drawio';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

interface Element {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
}

const unescape = (v: string) =>
  v
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#xa;', '\n')
    .replaceAll('&amp;', '&');

/** A strict little XML reader: throws on a tag that does not close in order. */
function parseXml(text: string): Element {
  const root: Element = { name: '#document', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/gy;
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt < 0) break;
    if (/[<>]/u.test(text.slice(at, lt))) throw new Error(`stray markup at ${at}`);
    tag.lastIndex = lt;
    const m = tag.exec(text);
    if (!m) throw new Error(`malformed tag at ${lt}: ${text.slice(lt, lt + 60)}`);
    const [, closing, name = '', rawAttrs = '', selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs.matchAll(/([\w:.-]+)="([^"]*)"/gu))
        attrs[a[1] ?? ''] = unescape(a[2] ?? '');
      const element = { name, attrs, children: [] };
      stack[stack.length - 1]?.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    at = tag.lastIndex;
  }
  if (stack.length !== 1) throw new Error('unclosed elements');
  return root;
}

function cells(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    if (e.name === 'mxCell') out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

const designs = [
  ...TEMPLATES.map((t) => [t.name, t.build()] as const),
  ['synthetic 200 elements', syntheticDesign({ sites: 3, elements: 200 })] as const,
];

describe('draw.io export', () => {
  it.each(designs)('%s: one vertex per site and device, one edge per link', (_, design) => {
    const xml = diagramToDrawio(renderDiagram(design, router));
    const doc = parseXml(xml);
    expect(doc.children[0]?.name).toBe('mxfile');
    const all = cells(doc);
    const vertices = new Map(
      all.filter((c) => c.attrs['vertex'] === '1').map((c) => [c.attrs['id'], c]),
    );
    const edges = all.filter((c) => c.attrs['edge'] === '1');
    expect(vertices.size).toBe(design.nodes.length);
    for (const node of design.nodes) {
      const v = vertices.get(node.id);
      expect(v, node.id).toBeDefined();
      if (node.kind !== 'site') expect(v?.attrs['parent']).toBe(node.parentId);
      expect(v?.attrs['value']?.split('\n')[0]).toBe(node.label || expect.any(String));
    }
    expect(edges.length).toBe(design.links.length);
    for (const link of design.links) {
      const e = edges.find((x) => x.attrs['id'] === link.id);
      expect(e?.attrs['source']).toBe(link.source);
      expect(e?.attrs['target']).toBe(link.target);
      if (link.kind === 'dci' && link.label) expect(e?.attrs['value']).toContain(link.label);
    }
  });

  it('keeps names with markup characters as text', () => {
    const design = TEMPLATES[0]?.build();
    if (!design) throw new Error('no template');
    const site = design.nodes.find((n) => n.kind === 'site');
    if (!site) throw new Error('no site');
    const named = {
      ...design,
      nodes: design.nodes.map((n) => (n === site ? { ...n, label: 'A&B <"DC">\'s' } : n)),
    };
    const doc = parseXml(diagramToDrawio(renderDiagram(named, router)));
    expect(cells(doc).find((c) => c.attrs['id'] === site.id)?.attrs['value']).toBe('A&B <"DC">\'s');
  });

  it('gives each link the router’s waypoints', () => {
    const design = TEMPLATES[0]?.build();
    if (!design) throw new Error('no template');
    const diagram = renderDiagram(design, router);
    const doc = parseXml(diagramToDrawio(diagram));
    const bent = diagram.connectors.find((c) => c.points.length > 2);
    if (!bent) throw new Error('no bent route in the template');
    const edge = cells(doc).find((c) => c.attrs['id'] === bent.id);
    const points = edge?.children[0]?.children[0]?.children ?? [];
    expect(points.length).toBe(bent.points.length - 2);
  });
});
