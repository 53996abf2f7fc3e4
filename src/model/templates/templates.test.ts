import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVICE_SIZE } from '../defaults';
import { checkReferences } from '../integrity';
import { designSchema, type Design, type Device, type Site } from '../schema';
import { TEMPLATES } from './index';

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const sitesOf = (d: Design) => d.nodes.filter((n): n is Site => n.kind === 'site');
const devicesOf = (d: Design) => d.nodes.filter((n): n is Device => n.kind !== 'site');

/** Absolute boxes: device positions are relative to their site. */
function deviceBoxes(d: Design): Box[] {
  const sites = new Map(sitesOf(d).map((s) => [s.id, s]));
  return devicesOf(d).map((n) => {
    const site = sites.get(n.parentId);
    return {
      id: n.id,
      x: (site?.position.x ?? 0) + n.position.x,
      y: (site?.position.y ?? 0) + n.position.y,
      ...DEVICE_SIZE,
    };
  });
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function overlappingPairs(boxes: readonly Box[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) pairs.push(`${a.id} × ${b.id}`);
    }),
  );
  return pairs;
}

describe('TEMPLATES', () => {
  it('lists the five reference designs of DOMAIN.md §7 under unique ids', () => {
    expect(TEMPLATES).toHaveLength(5);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(5);
    for (const t of TEMPLATES) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.summary.length).toBeGreaterThan(20);
      expect(t.summary.length).toBeLessThan(240);
    }
  });

  it('builds a fresh design on every call', () => {
    for (const t of TEMPLATES) {
      const a = t.build();
      const b = t.build();
      expect(a).toEqual(b);
      expect(a).not.toBe(b);
      expect(a.nodes[0]).not.toBe(b.nodes[0]);
    }
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('Template %s', (_id, template) => {
  const design = template.build();

  it('builds a design under the name the menu gives it', () => {
    expect(design.name).toBe(template.name);
  });

  it('passes the schema and the reference check', () => {
    const parsed = designSchema.safeParse(design);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(checkReferences(design)).toBeNull();
  });

  it('has unique ids across nodes, volumes, links, segments and workloads', () => {
    const ids = [
      ...design.nodes.map((n) => n.id),
      ...design.nodes.flatMap((n) => (n.kind === 'array' ? n.volumes.map((v) => v.id) : [])),
      ...design.links.map((l) => l.id),
      ...design.segments.map((s) => s.id),
      ...design.workloads.map((w) => w.id),
    ];
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it('labels every node, link, segment and workload', () => {
    for (const n of design.nodes) expect(n.label, n.id).not.toBe('');
    for (const l of design.links) if (l.kind === 'dci') expect(l.label, l.id).toBeTruthy();
    for (const s of design.segments) {
      expect(s.name, s.id).not.toBe('');
      expect(s.subnet, s.id).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    }
    for (const w of design.workloads) expect(w.name, w.id).not.toBe('');
  });

  it('keeps every device inside its site', () => {
    const sites = new Map(sitesOf(design).map((s) => [s.id, s]));
    for (const n of devicesOf(design)) {
      const site = sites.get(n.parentId);
      expect(site, n.id).toBeDefined();
      if (!site) continue;
      expect(n.position.x, n.id).toBeGreaterThanOrEqual(0);
      expect(n.position.y, n.id).toBeGreaterThanOrEqual(0);
      expect(n.position.x + DEVICE_SIZE.width, n.id).toBeLessThanOrEqual(site.width);
      expect(n.position.y + DEVICE_SIZE.height, n.id).toBeLessThanOrEqual(site.height);
    }
  });

  it('overlaps no two devices and no two sites', () => {
    expect(overlappingPairs(deviceBoxes(design))).toEqual([]);
    const siteBoxes = sitesOf(design).map((s) => ({
      id: s.id,
      ...s.position,
      width: s.width,
      height: s.height,
    }));
    expect(overlappingPairs(siteBoxes)).toEqual([]);
  });

  it('leaves room for DCI link labels between the sites', () => {
    const sites = sitesOf(design);
    sites.forEach((a, i) =>
      sites.slice(i + 1).forEach((b) => {
        const gapX = Math.max(
          b.position.x - (a.position.x + a.width),
          a.position.x - (b.position.x + b.width),
        );
        const gapY = Math.max(
          b.position.y - (a.position.y + a.height),
          a.position.y - (b.position.y + b.height),
        );
        expect(Math.max(gapX, gapY), `${a.id} ↔ ${b.id}`).toBeGreaterThanOrEqual(120);
      }),
    );
  });

  it('draws witness sites above the data centers', () => {
    const dcTop = Math.min(
      ...sitesOf(design)
        .filter((s) => s.role === 'dc')
        .map((s) => s.position.y),
    );
    for (const s of sitesOf(design).filter((s) => s.role === 'witness'))
      expect(s.position.y + s.height, s.id).toBeLessThan(dcTop);
  });

  it('links fabric inside a site and DCI between sites', () => {
    const siteOf = new Map(devicesOf(design).map((n) => [n.id, n.parentId]));
    for (const l of design.links) {
      const [a, b] = [siteOf.get(l.source), siteOf.get(l.target)];
      expect(a, l.id).toBeDefined();
      expect(b, l.id).toBeDefined();
      if (l.kind === 'fabric') expect(a, l.id).toBe(b);
      else expect(a, l.id).not.toBe(b);
    }
  });

  it('connects every device to its fabric', () => {
    const linked = new Set(design.links.flatMap((l) => [l.source, l.target]));
    for (const n of devicesOf(design)) expect(linked.has(n.id), n.id).toBe(true);
  });

  it('has 4–10 workloads, each with a datastore and at least one mobility target elsewhere', () => {
    expect(design.workloads.length).toBeGreaterThanOrEqual(4);
    expect(design.workloads.length).toBeLessThanOrEqual(10);
    for (const w of design.workloads) {
      expect(w.datastoreId, w.id).toBeDefined();
      expect(w.segmentIds.length, w.id).toBeGreaterThan(0);
      expect(w.mobilityTargetIds.length, w.id).toBeGreaterThan(0);
      expect(w.mobilityTargetIds, w.id).not.toContain(w.clusterId);
    }
  });

  it('uses each segment, with a distinct VLAN id', () => {
    const used = new Set(design.workloads.flatMap((w) => w.segmentIds));
    for (const s of design.segments) expect(used.has(s.id), s.id).toBe(true);
    const vlans = design.segments.map((s) => s.vlanId);
    expect(new Set(vlans).size).toBe(vlans.length);
  });

  it('gives every data-center site a fabric: two spines, 2–4 leaves, 1–2 borders', () => {
    for (const site of sitesOf(design).filter((s) => s.role === 'dc')) {
      const count = (kind: Device['kind']) =>
        devicesOf(design).filter((n) => n.parentId === site.id && n.kind === kind).length;
      expect(count('spine'), site.id).toBe(2);
      expect(count('tor'), site.id).toBeGreaterThanOrEqual(2);
      expect(count('tor'), site.id).toBeLessThanOrEqual(4);
      expect(count('border'), site.id).toBeGreaterThanOrEqual(1);
      expect(count('border'), site.id).toBeLessThanOrEqual(2);
      expect(count('cluster'), site.id).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('The example of docs/design-format.md', () => {
  it('is a valid design', () => {
    const markdown = readFileSync(
      new URL('../../../docs/design-format.md', import.meta.url),
      'utf8',
    );
    const json = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(json).toBeDefined();
    const parsed = designSchema.safeParse(JSON.parse(json ?? 'null'));
    expect(parsed.success, parsed.error?.message).toBe(true);
    if (parsed.success) expect(checkReferences(parsed.data)).toBeNull();
  });
});
