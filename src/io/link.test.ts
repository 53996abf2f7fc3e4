import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { arbitraryDesign } from './arbitrary';
import { base64Encode } from './bytes';
import { loadDocument, toDocument } from './document';
import {
  decodeLink,
  encodeLink,
  encodePackedLink,
  packDesignForLink,
  parseLinkFragment,
  shareUrl,
  type LinkLoadResult,
} from './link';

const metro = () =>
  new DesignBuilder('Metro')
    .site('dc1', 'DC1', { location: { lat: 52.3, lon: 4.9 } })
    .site('dc2', 'DC2')
    .border('b1', 'dc1')
    .border('b2', 'dc2')
    .cluster('esx-a', 'dc1', { profile: 'vsphere-5-metro', stretchPeerId: 'esx-b' })
    .cluster('esx-b', 'dc2')
    .array('arr', 'dc1', {
      volumes: [{ id: 'vol', name: 'DS', preferredSiteId: 'dc1', replication: 'sync' }],
    })
    .dci('dci', 'b1', 'b2', { l2Extension: 'otv', extendedSegmentIds: ['web'], rttMs: 1.5 })
    .segment('web', 'Web', 110, { gatewaySiteIds: ['dc1'] })
    .workload('vm', 'VM', 'esx-a', { datastoreId: 'vol', mobilityTargetIds: ['esx-b'] })
    .build();

/** A design of `elements` nodes, links, segments and workloads with random (worst-case) ids. */
function fiftyElements(): ReturnType<typeof metro> {
  const b = new DesignBuilder('Fifty');
  const rnd = (p: string, i: number) => `${p}-${((i * 2654435761) % 2 ** 32).toString(36)}`;
  let n = 0;
  for (let s = 0; s < 2; s++) {
    const site = rnd('site', s);
    b.site(site, `DC${s + 1}`);
    b.spine(rnd('spine', s), site, { label: `Spine ${s + 1}` });
    b.border(rnd('border', s), site, { label: `Border ${s + 1}` });
    b.firewall(rnd('fw', s), site, { label: `FW ${s + 1}` });
    n += 4;
    for (let t = 0; t < 4; t++) {
      const tor = rnd('tor', s * 10 + t);
      const cl = rnd('cluster', s * 10 + t);
      b.tor(tor, site, { label: `Leaf ${s}${t}`, overlay: true });
      b.cluster(cl, site, { label: `ESX ${s}${t}`, hosts: 16 });
      b.fabric(rnd('fabric', n), rnd('spine', s), tor);
      b.fabric(rnd('fabric', n + 1), tor, cl, { bandwidthGbps: 25 });
      b.workload(rnd('wl', n), `app-${s}${t}`, cl, {
        memoryGB: 32,
        segmentIds: [rnd('seg', t % 2)],
        mobilityTargetIds: [rnd('cluster', (1 - s) * 10 + t)],
      });
      n += 5;
    }
  }
  b.segment(rnd('seg', 0), 'Web', 110, { subnet: '10.0.1.0/24', gatewayMode: 'anycast' });
  b.segment(rnd('seg', 1), 'App', 120, { subnet: '10.0.2.0/24', gatewayMode: 'anycast' });
  b.dci(rnd('dci', 0), rnd('border', 0), rnd('border', 1), {
    l2Extension: 'vxlan-evpn',
    distanceKm: 80,
    extendedSegmentIds: [rnd('seg', 0), rnd('seg', 1)],
  });
  return b.build();
}

function errorOf(result: LinkLoadResult) {
  if (result.ok) throw new Error('expected the link to be refused');
  return result.error;
}

function roundTrip(design: ReturnType<typeof metro>) {
  const result = decodeLink(encodeLink(design));
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
}

describe('Share links', () => {
  it('carry a design there and back unchanged', () => {
    const design = metro();
    expect(roundTrip(design)).toEqual(toDocument(design));
  });

  it('carry whiteboard notes: their text (line breaks, markup as text), place and target', () => {
    const notes = [
      { id: 'note-1', text: 'Check the MTU\n<b>9216</b> & more', position: { x: -40, y: 12 } },
      { id: 'note-2', text: 'Owner: network team', position: { x: 300, y: -80 }, targetId: 'dci' },
      { id: 'note-3', text: '', position: { x: 0, y: 0 }, targetId: 'esx-a' },
    ];
    const design = { ...metro(), notes };
    expect(roundTrip(design).notes).toEqual(notes);
  });

  it('are edit links (d=2.…) unless asked to be view-only (v=2.…)', () => {
    const design = metro();
    expect(encodeLink(design)).toMatch(/^d=2\.[A-Za-z0-9_-]+$/);
    const view = encodeLink(design, { viewOnly: true });
    expect(view).toMatch(/^v=2\.[A-Za-z0-9_-]+$/);
    expect(decodeLink(view)).toMatchObject({ ok: true, mode: 'view' });
    expect(decodeLink(encodeLink(design))).toMatchObject({ ok: true, mode: 'edit' });
  });

  it('read a whole URL, a #fragment, a bare fragment or a bare payload', () => {
    const fragment = encodeLink(metro());
    const url = shareUrl('https://dci.studio/app?x=1#old', metro());
    expect(url).toBe(`https://dci.studio/app?x=1#${fragment}`);
    for (const input of [url, `#${fragment}`, fragment, fragment.slice(2), ` ${url}\n`]) {
      expect(decodeLink(input).ok).toBe(true);
    }
    expect(parseLinkFragment('#x=1&v=1.abc')).toEqual({ mode: 'view', payload: '1.abc' });
  });

  it('fit a 50-element design in 1,500 characters', () => {
    const design = fiftyElements();
    const count =
      design.nodes.length + design.links.length + design.segments.length + design.workloads.length;
    expect(count).toBeGreaterThanOrEqual(50);
    const link = encodeLink(design);
    expect(link.length).toBeLessThanOrEqual(1500);
    expect(roundTrip(design)).toEqual(toDocument(design));
  });

  it('drop default values and name-equals-id labels before compressing', () => {
    const packed = packDesignForLink(
      new DesignBuilder('D').site('dc1', 'dc1').spine('s', 'dc1').build(),
    );
    expect(packed).toEqual([
      'D',
      [],
      ['dc1', 's'],
      [
        [0, 0, 0, 0],
        [1, 0, 0, 196, 48],
      ],
    ]);
  });

  it('round node positions to whole pixels, and lose nothing else', () => {
    const design = metro();
    design.nodes[0] = { ...design.nodes[0]!, position: { x: 10.4, y: -3.6 } };
    expect(roundTrip(design).nodes[0]!.position).toEqual({ x: 10, y: -4 });
  });

  it('keep ids such as __proto__ and constructor as plain values', () => {
    const design = new DesignBuilder('__proto__')
      .site('__proto__', 'constructor')
      .spine('constructor', '__proto__', { label: 'prototype' })
      .segment('prototype', '__proto__', 10)
      .build();
    expect(roundTrip(design)).toEqual(toDocument(design));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('cannot pollute Object.prototype through a hostile payload', () => {
    const hostile = JSON.parse(
      '["x",{"__proto__":{"polluted":1}},["__proto__"],[[0,{"__proto__":{"polluted":1}},0,0]]]',
    ) as unknown;
    const result = decodeLink(encodePackedLink(hostile));
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('report a field error with its path', () => {
    const packed = packDesignForLink(metro()) as unknown[];
    const links = packed[4] as unknown[][];
    links[0]![6] = -5; // distanceKm of the only DCI link
    expect(errorOf(decodeLink(encodePackedLink(packed)))).toMatchObject({
      kind: 'invalid',
      path: 'links[0].distanceKm',
      message: 'This link is damaged: links[0].distanceKm (id "dci"): expected a number ≥ 0.',
    });
  });

  it('say a link made by a newer version is from a newer version', () => {
    const newer = encodeLink(metro()).replace(/^d=2\./, 'd=7.');
    expect(errorOf(decodeLink(newer))).toMatchObject({
      kind: 'too-new',
      message: expect.stringContaining('This link was made by a newer version of DCI Studio'),
    });
  });

  it('say a truncated link was changed or cut', () => {
    const link = encodeLink(metro());
    for (const cut of [1, 4, 20, link.length - 6]) {
      const error = errorOf(decodeLink(link.slice(0, link.length - cut)));
      expect(error.kind).toBe('corrupt');
      expect(error.message).toMatch(/^This link was changed or cut/);
    }
  });

  it('refuse every single-character change to the data of a format-2 link', () => {
    const link = encodeLink(metro());
    const original = decodeLink(link);
    if (!original.ok) throw new Error(original.error.message);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    let same = 0;
    // Every position of the data, each changed to the next letter of the alphabet.
    for (let i = 4; i < link.length; i++) {
      const c = link[i] ?? 'A';
      const swapped = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length] ?? 'A';
      const result = decodeLink(link.slice(0, i) + swapped + link.slice(i + 1));
      if (!result.ok) refused++;
      // Bits nobody reads (the last character's padding bits, the last DEFLATE byte's unused
      // bits) may change and still read the same design: harmless.
      else if (JSON.stringify(result.design) === JSON.stringify(original.design)) same++;
      else throw new Error(`a change at ${i} loaded a different design`);
    }
    expect(refused).toBeGreaterThan(link.length - 10);
    expect(same).toBeLessThanOrEqual(3);
  });

  it('say a link with foreign characters is damaged', () => {
    expect(errorOf(decodeLink('d=1.abc$def')).message).toMatch(/^This link is damaged: /);
  });

  it('say something else is not a DCI Studio link', () => {
    for (const text of ['https://example.com/', '#section-2', 'hello', '']) {
      expect(errorOf(decodeLink(text))).toEqual({
        kind: 'not-a-design',
        message: 'This is not a DCI Studio link.',
      });
    }
  });

  it('refuse a compression bomb before it fills memory', () => {
    const bomb = deflateSync(new Uint8Array(30_000_000).fill(32), { level: 9 });
    expect(errorOf(decodeLink(`d=1.${base64Encode(bomb)}`)).kind).toBe('too-large');
  });

  it('refuse an oversized link before decoding it', () => {
    expect(errorOf(decodeLink(`d=1.${'A'.repeat(2_100_000)}`)).kind).toBe('too-large');
  });
});

describe('Share links (properties)', () => {
  it('carry any valid design there and back unchanged', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        expect(loadDocument(design).ok).toBe(true);
        expect(roundTrip(design)).toEqual(toDocument(design));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  const mutation = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), char: fc.nat({ max: 63 }) }),
    fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string() }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 8 }) }),
  );
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
  function mutate(text: string, m: Mutation): string {
    const at = m.at % (text.length + 1);
    switch (m.op) {
      case 'flip':
        return text.slice(0, at) + alphabet.charAt(m.char) + text.slice(at + 1);
      case 'cut':
        return text.slice(0, at);
      case 'insert':
        return text.slice(0, at) + m.text + text.slice(at);
      case 'delete':
        return text.slice(0, at) + text.slice(at + m.length);
    }
  }

  it('never throw on damaged links: they load a valid design or say why not', () => {
    const links = fc.sample(arbitraryDesign, { seed: 7, numRuns: 40 }).map((d) => encodeLink(d));
    fc.assert(
      fc.property(
        fc.nat({ max: links.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (which, mutations) => {
          const damaged = mutations.reduce(mutate, links[which] ?? '');
          const result = decodeLink(damaged);
          if (result.ok) expect(loadDocument(result.design).ok).toBe(true);
          else expect(result.error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 60_000);
});
