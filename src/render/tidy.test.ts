import { beforeAll, describe, expect, it } from 'vitest';
import { tidyLayout } from '../model/layout';
import { TEMPLATES } from '../model/templates/index';
import { loadAvoidRouter } from './avoid';
import { diagramDefects, sharedRunPx } from './check';
import { renderDiagram } from './diagram';
import { openFindingsByElement } from './findings';
import type { ConnectorRouter } from './router';
import type { Diagram } from './types';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

describe('Two lines on one track', () => {
  it('are measured over their shared stretch only', () => {
    const a = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
    ];
    expect(
      sharedRunPx(a, [
        { x: 40, y: 0 },
        { x: 200, y: 0 },
      ]),
    ).toBe(60);
    expect(
      sharedRunPx(a, [
        { x: 100, y: 20 },
        { x: 100, y: 90 },
      ]),
    ).toBe(30);
    expect(
      sharedRunPx(a, [
        { x: 0, y: 8 },
        { x: 100, y: 8 },
      ]),
    ).toBe(0);
  });
});

describe('The shared-track check', () => {
  const connector = (id: string, source: string, target: string, y: number) => ({
    id,
    kind: 'dci' as const,
    source,
    target,
    points: [
      { x: 0, y },
      { x: 300, y },
    ],
    l3Only: false,
    label: null,
  });
  const diagram = (y2: number): Diagram => ({
    name: 'two lines',
    bounds: { x: 0, y: 0, width: 300, height: 100 },
    sites: [],
    devices: [],
    connectors: [connector('l1', 'a', 'b', 40), connector('l2', 'c', 'd', y2)],
    notes: [],
  });
  it('fires on two DCI links between different ends drawn on one line', () => {
    expect(diagramDefects(diagram(40)).sharedRuns).toEqual([['l1', 'l2']]);
  });
  it('is quiet when they run apart', () => {
    expect(diagramDefects(diagram(56)).sharedRuns).toEqual([]);
  });
});

describe('Tidy up keeps the drawing readable', () => {
  it.each(TEMPLATES.map((t) => [t.name, t.build()] as const))(
    '%s after Tidy up: no DCI links on one line, no label over another or a device',
    async (_, design) => {
      const tidy = await tidyLayout(design);
      const diagram = renderDiagram(tidy, router, { findings: openFindingsByElement(tidy) });
      const defects = diagramDefects(diagram);
      expect(defects.sharedRuns).toEqual([]);
      expect(defects.labelOverlaps).toEqual([]);
      expect(defects.crossings).toEqual([]);
    },
    60_000,
  );
});
