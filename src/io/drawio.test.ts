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

  describe('notes', () => {
    const withNotes = () => {
      const design = TEMPLATES[0]?.build();
      if (!design) throw new Error('no template');
      const device = design.nodes.find((n) => n.kind !== 'site');
      const link = design.links[0];
      if (!device || !link) throw new Error('template without devices or links');
      const notes = [
        { id: 'n-free', text: 'Free <note> & friends\nsecond line', position: { x: -300, y: 0 } },
        {
          id: 'n-device',
          text: 'Check this one',
          position: { x: -300, y: 100 },
          targetId: device.id,
        },
        { id: 'n-link', text: 'This link', position: { x: -300, y: 200 }, targetId: link.id },
        { id: 'n-gone', text: 'Its element left', position: { x: -300, y: 300 }, targetId: 'gone' },
      ];
      const doc = parseXml(diagramToDrawio(renderDiagram({ ...design, notes }, router)));
      return { all: cells(doc), device, link };
    };

    it('draws each note as a text vertex, its text kept as text across lines', () => {
      const { all } = withNotes();
      const free = all.find((c) => c.attrs['id'] === 'n-free');
      expect(free?.attrs['vertex']).toBe('1');
      expect(free?.attrs['value']).toBe('Free <note> & friends\nsecond line');
      expect(free?.attrs['style']).toContain('html=0');
    });

    it('joins a note to the device it points at with an edge', () => {
      const { all, device } = withNotes();
      const callout = all.find((c) => c.attrs['id'] === 'n-device.callout');
      expect(callout?.attrs).toMatchObject({ edge: '1', source: 'n-device', target: device.id });
    });

    it('ends a callout to a link at a point on the link, not at an edge cell', () => {
      const { all } = withNotes();
      const callout = all.find((c) => c.attrs['id'] === 'n-link.callout');
      expect(callout?.attrs['target']).toBeUndefined();
      const point = callout?.children[0]?.children.find((c) => c.attrs['as'] === 'targetPoint');
      expect(Number(point?.attrs['x'])).not.toBeNaN();
    });

    it('draws no callout for a free note or one whose element is gone', () => {
      const { all } = withNotes();
      expect(all.find((c) => c.attrs['id'] === 'n-free.callout')).toBeUndefined();
      expect(all.find((c) => c.attrs['id'] === 'n-gone.callout')).toBeUndefined();
      expect(all.find((c) => c.attrs['id'] === 'n-gone')?.attrs['vertex']).toBe('1');
    });
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
