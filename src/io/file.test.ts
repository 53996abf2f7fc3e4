import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { arbitraryDesign } from './arbitrary';
import { loadDocument, toDocument } from './document';
import { designFileName, parseDesignFile, serializeDesign } from './file';

const design = () =>
  new DesignBuilder('Rack to rack')
    .site('dc1', 'DC1')
    .tor('leaf', 'dc1', { boundary: 'l3', overlay: true })
    .cluster('esx', 'dc1')
    .fabric('f', 'leaf', 'esx')
    .segment('web', 'Web', 110)
    .workload('vm', 'VM', 'esx', { segmentIds: ['web'] })
    .build();

/** The same object with its keys in reverse order, all the way down. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

describe('The .dci.json file', () => {
  it('is pretty-printed JSON ending with a newline', () => {
    const text = serializeDesign(design());
    expect(text.startsWith('{\n  "version": 2,\n  "name": "Rack to rack",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('has the same bytes whatever order the editor kept its keys in', () => {
    const shuffled = reverseKeys(design()) as ReturnType<typeof design>;
    expect(serializeDesign(shuffled)).toBe(serializeDesign(design()));
  });

  it('keeps arrays in their order', () => {
    const d = design();
    d.nodes.reverse();
    const parsed = JSON.parse(serializeDesign(d)) as { nodes: { id: string }[] };
    expect(parsed.nodes.map((n) => n.id)).toEqual(['esx', 'leaf', 'dc1']);
  });

  it('carries no transient editor state', () => {
    const d = design();
    const dirty = { ...d, nodes: d.nodes.map((n) => ({ ...n, selected: true, dragging: true })) };
    const text = serializeDesign(dirty);
    expect(text).not.toContain('selected');
    expect(text).not.toContain('dragging');
  });

  it('reads back what it wrote', () => {
    const result = parseDesignFile(serializeDesign(design()));
    expect(result).toEqual({ ok: true, design: toDocument(design()), warnings: [] });
  });

  it('is named after the design', () => {
    expect(designFileName({ name: 'Metro: VPLEX / OTV, 80 km' })).toBe(
      'Metro-VPLEX-OTV-80-km.dci.json',
    );
    expect(designFileName({ name: '../../' })).toBe('design.dci.json');
  });
});

describe('The .dci.json file (properties)', () => {
  it('carries any valid design there and back unchanged', () => {
    fc.assert(
      fc.property(arbitraryDesign, (d) => {
        const result = parseDesignFile(serializeDesign(d));
        expect(result).toEqual({ ok: true, design: toDocument(d), warnings: [] });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws on a damaged file: it loads a valid design or says why not', () => {
    const files = fc.sample(arbitraryDesign, { seed: 11, numRuns: 20 }).map(serializeDesign);
    fc.assert(
      fc.property(
        fc.nat({ max: files.length - 1 }),
        fc.nat(),
        fc.oneof(fc.constant(''), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary' })),
        fc.nat({ max: 4 }),
        (which, position, insert, cut) => {
          const text = files[which] ?? '';
          const at = position % (text.length + 1);
          const damaged = text.slice(0, at) + insert + text.slice(at + cut);
          const result = parseDesignFile(damaged);
          if (result.ok) expect(loadDocument(result.design).ok).toBe(true);
          else expect(result.error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  }, 60_000);
});
