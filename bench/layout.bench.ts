/**
 * "Tidy up" (src/model/layout.ts): elk's layered layout per site plus the site arrangement, on
 * every template and on generated designs: 500 devices in 5 sites of 100, and single sites of 200
 * and 500 devices (the worst case for one elk run). The first call also pays for loading elk.
 */
import { DesignBuilder } from '../src/model/builder';
import { tidyLayout } from '../src/model/layout';
import type { Design } from '../src/model/schema';
import { TEMPLATES } from '../src/model/templates/index';
import { fmt } from './util';

/** medianMs of ./util for an async run (tidyLayout resolves a promise). */
async function medianMsAsync(run: () => Promise<unknown>, repeats = 9, warmup = 2) {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/**
 * `sites` leaf-spine sites of `perSite` devices: 4 spines, 2 borders, a leaf pair per 3 end
 * devices (clusters, arrays, firewalls, dual-homed), devices piled at one spot, borders meshed
 * across sites.
 */
function generated(sites: number, perSite: number): Design {
  const b = new DesignBuilder(`${sites} × ${perSite} devices`);
  const at = { position: { x: 0, y: 0 } };
  const kinds = ['cluster', 'array', 'firewall'] as const;
  for (let s = 0; s < sites; s++) {
    const site = `site-${s}`;
    b.site(site, site, { position: { x: s * 700, y: 0 } });
    const spines = [0, 1, 2, 3].map((i) => `${site}-spine-${i}`);
    spines.forEach((id) => b.spine(id, site, at));
    for (const i of [0, 1]) {
      b.border(`${site}-border-${i}`, site, at);
      spines.forEach((sp) => b.fabric(`${sp}--border-${i}`, sp, `${site}-border-${i}`));
    }
    const ends = perSite - spines.length - 2;
    const pairs = Math.max(1, Math.round(ends / 5));
    const leaves = Array.from({ length: 2 * pairs }, (_, i) => `${site}-leaf-${i}`);
    leaves.forEach((leaf) => {
      b.tor(leaf, site, at);
      spines.forEach((sp) => b.fabric(`${sp}--${leaf}`, sp, leaf));
    });
    for (let i = 0; i < ends - leaves.length; i++) {
      const id = `${site}-end-${i}`;
      b[kinds[i % kinds.length] ?? 'cluster'](id, site, at);
      // Each end device on a pseudo-random leaf pair, so the order is worth optimising.
      const pair = (i * 7) % pairs;
      for (const leaf of [leaves[2 * pair], leaves[2 * pair + 1]])
        if (leaf) b.fabric(`${leaf}--${id}`, leaf, id);
    }
    if (s > 0) b.dci(`dci-${s}`, `site-${s - 1}-border-1`, `${site}-border-0`);
  }
  return b.build();
}

export default async function bench(): Promise<void> {
  const first = performance.now();
  await tidyLayout(TEMPLATES[0]?.build() ?? generated(1, 10));
  console.log(`first call (loads elk)           ${fmt(performance.now() - first)} ms`);
  for (const t of TEMPLATES) {
    const design = t.build();
    const devices = design.nodes.filter((n) => n.kind !== 'site').length;
    const ms = await medianMsAsync(() => tidyLayout(design));
    console.log(`${t.id.padEnd(26)} ${String(devices).padStart(4)} devices  ${fmt(ms)} ms`);
  }
  for (const [sites, perSite] of [
    [5, 100],
    [1, 200],
    [1, 500],
  ] as const) {
    const design = generated(sites, perSite);
    const devices = design.nodes.filter((n) => n.kind !== 'site').length;
    const links = design.links.length;
    const ms = await medianMsAsync(() => tidyLayout(design), 5, 1);
    console.log(
      `${`${sites} × ${perSite} generated`.padEnd(26)} ${String(devices).padStart(4)} devices, ${links} links  ${fmt(ms)} ms`,
    );
  }
}
