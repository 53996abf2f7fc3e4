import { describe, expect, it } from 'vitest';
import {
  HYPERVISOR_PROFILE_IDS,
  HYPERVISOR_PROFILES,
  type HypervisorProfile,
  type HypervisorProfileId,
} from '../model/catalog';
import type { Cluster } from '../model/schema';
import { firstProfile, moveProfiles, type Placement } from './context';

/** A move between clusters of two profiles: all that firstProfile and moveProfiles read. */
function move(from: HypervisorProfileId, to: HypervisorProfileId): Placement {
  const cluster = (profile: HypervisorProfileId) => ({ profile }) as unknown as Cluster;
  return { from: cluster(from), cluster: cluster(to) } as unknown as Placement;
}

type Order = (x: HypervisorProfile, y: HypervisorProfile) => number;

/** The orders LAT-MIGRATION and BW-MIGRATION pick the stricter end by, and one by name. */
const ORDERS: Record<string, Order> = {
  'lower RTT limit': (x, y) => (x.maxRttMs?.value ?? Infinity) - (y.maxRttMs?.value ?? Infinity),
  'larger need': (x, y) =>
    (y.bandwidthPerMigrationGbps?.value ?? 0) - (x.bandwidthPerMigrationGbps?.value ?? 0),
  name: (x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : 0),
};

describe('firstProfile', () => {
  it.each(Object.entries(ORDERS))(
    'picks what sorting the move profiles by %s and taking the first picks, for every pair',
    (_, order) => {
      let targets = 0;
      for (const a of HYPERVISOR_PROFILE_IDS)
        for (const b of HYPERVISOR_PROFILE_IDS) {
          const p = move(a, b);
          const sorted = [...moveProfiles(p)].sort(order)[0];
          expect(firstProfile(p, order), `${a} → ${b}`).toBe(sorted);
          if (sorted === HYPERVISOR_PROFILES[b] && a !== b) targets++;
        }
      // The target's profile wins some pairs, the source's the others and every tie.
      expect(targets).toBeGreaterThan(0);
    },
  );
});
