/**
 * Share-link benchmark: link length and encode/decode time for synthetic designs of 50, 200 and
 * 1,000 elements (readable ids as templates use, and random ids as the editor mints them) and
 * for every template, beside lz-string's compressToEncodedURIComponent(JSON.stringify(design)),
 * the usual way apps put state in a URL. Target: a 50-element design in ≤ 1,500 characters.
 */
import lz from 'lz-string';
import { decodeLink, encodeLink } from '../src/io/link';
import { DesignBuilder } from '../src/model/builder';
import type { Design } from '../src/model/schema';
import { TEMPLATES } from '../src/model/templates/index';
import { fmt, medianMs } from './util';

/** A deterministic stand-in for the editor's random ids (`spine-k3f9x2a`). */
function randomIds() {
  let seed = 12345;
  return (prefix: string) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return `${prefix}-${seed.toString(36).padStart(6, '0').slice(0, 5)}${(seed % 1296).toString(36)}`;
  };
}

/**
 * About `elements` nodes, links, segments and workloads: sites of two spines, a border, four
 * leaves with a host cluster each (fabric links up and down), a segment and three workloads
 * that may move to the next site, joined in a chain by OTV-over-DWDM DCI links.
 */
export function syntheticLinkDesign(elements: number, random: boolean): Design {
  const mint = randomIds();
  const names = new Map<string, string>();
  const id = (key: string) => {
    if (!random) return key;
    let value = names.get(key);
    if (value === undefined) {
      value = mint(key.replace(/-\d+$/u, ''));
      names.set(key, value);
    }
    return value;
  };
  const b = new DesignBuilder(`Synthetic ${elements}`);
  let count = 0;
  for (let s = 0; count < elements; s++) {
    const site = id(`site-${s}`);
    b.site(site, `DC${s + 1}`);
    const spines = [id(`spine-${s}a`), id(`spine-${s}b`)];
    for (const [i, sp] of spines.entries()) b.spine(sp, site, { label: `Spine ${s + 1}.${i + 1}` });
    const border = id(`border-${s}`);
    b.border(border, site, { label: `Border ${s + 1}` });
    count += 4;
    for (let t = 0; t < 4; t++) {
      const tor = id(`leaf-${s}.${t}`);
      const cluster = id(`esx-${s}.${t}`);
      b.tor(tor, site, { label: `Leaf ${s + 1}.${t + 1}`, overlay: true });
      b.cluster(cluster, site, { label: `ESX ${s + 1}.${t + 1}`, hosts: 16 });
      for (const sp of spines) b.fabric(id(`fabric-${sp}-${tor}`), sp, tor);
      b.fabric(id(`fabric-${tor}-${cluster}`), tor, cluster, { bandwidthGbps: 25 });
      count += 5;
    }
    const segment = id(`seg-${s}`);
    b.segment(segment, `VLAN ${100 + s}`, 100 + s, {
      subnet: `10.0.${s % 256}.0/24`,
      gatewayMode: 'anycast',
    });
    count++;
    if (s > 0) {
      b.dci(id(`dci-${s}`), id(`border-${s - 1}`), border, {
        transport: 'dwdm',
        l2Extension: 'otv',
        distanceKm: 80,
        bandwidthGbps: 100,
        extendedSegmentIds: [segment, id(`seg-${s - 1}`)],
      });
      count++;
    }
    for (let w = 0; w < 3; w++) {
      b.workload(id(`wl-${s}.${w}`), `app-${s + 1}-${w + 1}`, id(`esx-${s}.${w}`), {
        memoryGB: 32,
        dirtyRateMBps: 80,
        segmentIds: [segment],
        mobilityTargetIds: [id(`esx-${s}.3`)],
      });
      count++;
    }
  }
  return b.build();
}

function elementsOf(d: Design): number {
  return d.nodes.length + d.links.length + d.segments.length + d.workloads.length;
}

export default function run(): void {
  const cases: { name: string; design: Design }[] = [];
  for (const n of [50, 200, 1000]) {
    cases.push({ name: `synthetic ${n}, readable ids`, design: syntheticLinkDesign(n, false) });
    cases.push({ name: `synthetic ${n}, random ids`, design: syntheticLinkDesign(n, true) });
  }
  for (const t of TEMPLATES) cases.push({ name: `template ${t.id}`, design: t.build() });

  const rows = cases.map(({ name, design }) => {
    const link = encodeLink(design);
    const decoded = decodeLink(link);
    if (!decoded.ok) throw new Error(`${name}: ${decoded.error.message}`);
    const lzLength = lz.compressToEncodedURIComponent(JSON.stringify(design)).length;
    return {
      name,
      elements: elementsOf(design),
      json: JSON.stringify(design).length,
      link: link.length,
      lz: lzLength,
      encodeMs: medianMs(() => encodeLink(design)),
      decodeMs: medianMs(() => decodeLink(link)),
    };
  });

  const head = [
    'design',
    'elements',
    'JSON chars',
    'link chars',
    'lz-string chars',
    'link/lz',
    'encode ms',
    'decode ms',
  ];
  const table = rows.map((r) => [
    r.name,
    String(r.elements),
    String(r.json),
    String(r.link),
    String(r.lz),
    `${Math.round((100 * r.link) / r.lz)}%`,
    fmt(r.encodeMs),
    fmt(r.decodeMs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
  const fifty = rows.filter((r) => r.name.startsWith('synthetic 50,'));
  const worst = Math.max(...fifty.map((r) => r.link));
  console.log(
    `\n50-element link: ${worst} characters at most (target ≤ 1,500): ${worst <= 1500 ? 'met' : 'MISSED'}`,
  );
}
