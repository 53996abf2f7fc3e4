import { describe, expect, it } from 'vitest';
import { L2_EXTENSIONS, TRANSPORTS } from './schema';
import { L2_EXTENSION_INFO, TRANSPORT_INFO, whyCarriesNoL2 } from './catalog';

describe('Transports and L2 extensions as catalog entries', () => {
  it('have an entry for every id of the schema', () => {
    for (const t of TRANSPORTS) expect(TRANSPORT_INFO[t].id).toBe(t);
    for (const e of L2_EXTENSIONS) expect(L2_EXTENSION_INFO[e].id).toBe(e);
  });
  it('state spanning-tree isolation and overhead (OTV 42 B, VXLAN 50 B)', () => {
    expect(L2_EXTENSION_INFO.otv).toMatchObject({ stpIsolation: 'always', overheadBytes: 42 });
    expect(L2_EXTENSION_INFO['vxlan-evpn']).toMatchObject({ overheadBytes: 50 });
    expect(L2_EXTENSION_INFO.trunk.stpIsolation).toBe('with-bpdu-filter');
  });
  it('say why a link carries no L2: no extension, or a plain trunk over an IP-only transport', () => {
    expect(whyCarriesNoL2({ transport: 'dark-fiber', l2Extension: 'none' })).toContain('no L2');
    expect(whyCarriesNoL2({ transport: 'internet', l2Extension: 'trunk' })).toBe(
      'a plain trunk over the internet carries nothing',
    );
    expect(whyCarriesNoL2({ transport: 'dwdm', l2Extension: 'trunk' })).toBeNull();
    expect(whyCarriesNoL2({ transport: 'internet', l2Extension: 'otv' })).toBeNull();
  });
});
