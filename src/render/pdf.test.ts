import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../model/templates/index';
import { loadAvoidRouter } from './avoid';
import { renderDiagram } from './diagram';
import { diagramToPdf } from './pdf';
import type { ConnectorRouter } from './router';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('PDF export', () => {
  it('is a PDF whose cross-reference table points at each object', () => {
    const design = TEMPLATES[0]?.build();
    if (!design) throw new Error('no template');
    const text = latin1(diagramToPdf(renderDiagram(design, router)));
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/u.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gmu)].map((m) =>
      Number(m[1]),
    );
    expect(offsets.length).toBe(7);
    offsets.forEach((o, i) => expect(text.slice(o, o + 12)).toMatch(new RegExp(`^${i + 1} 0 obj`)));
    const length = Number(/\/Length (\d+) >>\nstream\n/u.exec(text)?.[1]);
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(start + length, start + length + 10)).toBe('\nendstream');
  });

  it('writes every device’s name as text, and escapes what PDF strings reserve', () => {
    const design = TEMPLATES[0]?.build();
    if (!design) throw new Error('no template');
    const device = design.nodes.find((n) => n.kind !== 'site');
    if (!device) throw new Error('no device');
    const named = {
      ...design,
      nodes: design.nodes.map((n) => (n === device ? { ...n, label: 'fw (a\\b)' } : n)),
    };
    const text = latin1(diagramToPdf(renderDiagram(named, router)));
    expect(text).toContain('(fw \\(a\\\\b\\)) Tj');
    // "·" is WinAnsi 0xB7, written as an octal escape.
    expect(text).toMatch(/\\267/u);
  });
});
