import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

const vplex = () =>
  twoSites()
    .array('a-arr', 'a', {
      label: 'A array',
      product: 'vplex-metro',
      volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
    })
    .array('b-arr', 'b', { label: 'B array', product: 'vplex-metro' });

describe('RES-WITNESS', () => {
  it('fires for stretched storage with no witness in a third site', () => {
    const [f, ...rest] = findingsOf(vplex().build(), 'RES-WITNESS');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      'Stretched storage Dell VPLEX Metro / metro node A array + B array between DC A and DC B has no witness in a third site',
    );
    expect(f?.fixes[0]?.action).toEqual({
      type: 'add-witness-site',
      arbitrates: ['a-arr', 'b-arr'],
    });
  });
  it('fires for a stretched cluster whose witness sits in one of its own sites', () => {
    const d = twoSites({ clusterA: { stretchPeerId: 'b-c' } })
      .witness('wit', 'a', { arbitrates: ['a-c'] })
      .build();
    expect(findingsOf(d, 'RES-WITNESS')[0]?.message).toContain('Stretched cluster A1 + B1');
  });
  it('stays quiet with a witness in a third site', () => {
    const d = vplex()
      .site('w', 'W', { role: 'witness' })
      .witness('wit', 'w', { arbitrates: ['a-arr', 'b-arr'] })
      .build();
    expect(findingsOf(d, 'RES-WITNESS')).toEqual([]);
  });
});
