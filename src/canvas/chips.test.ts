import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chipsShown, MAX_CHIPS } from './chips';

describe('The workload chips a cluster’s card shows', () => {
  it('are all its workloads when their names fit the row', () => {
    expect(chipsShown(['web', 'app', 'db'])).toBe(3);
    expect(chipsShown(['web-05..06', 'batch-01'])).toBe(2);
  });

  it('are fewer, with a "+N" chip, rather than squeezed', () => {
    // The VPLEX template's esx-prod-a: the three side by side did not fit its 152 px.
    expect(chipsShown(['web-01..04', 'app-01', 'app-db'])).toBe(2);
    expect(chipsShown(['a', 'b', 'c', 'd', 'e'])).toBe(MAX_CHIPS);
    expect(chipsShown(['sql-cluster-production', 'sql-cluster-production-2', 'x'])).toBe(1);
  });

  it('are at least one for a cluster with workloads, and none without', () => {
    expect(chipsShown([])).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 30 }), (n) => {
        const shown = chipsShown(n);
        expect(shown).toBeGreaterThanOrEqual(1);
        expect(shown).toBeLessThanOrEqual(Math.min(MAX_CHIPS, n.length));
      }),
    );
  });
});
