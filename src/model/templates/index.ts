/**
 * The reference designs of DOMAIN.md §7, for the "New from template" menu. Each `build` returns
 * a fresh, valid design (schema and references) laid out tidily; src/rules/templates.test.ts
 * pins the findings each one is meant to show.
 */
import type { Design } from '../schema';
import { buildL3FabricRackToRack, L3_FABRIC_RACK_TO_RACK_NAME } from './l3-fabric-rack-to-rack';
import { buildMetroMetroCluster, METRO_METROCLUSTER_NAME } from './metro-metrocluster';
import { buildMetroStretchedTrunk, METRO_STRETCHED_TRUNK_NAME } from './metro-stretched-trunk';
import { buildMetroVplexOtv, METRO_VPLEX_OTV_NAME } from './metro-vplex-otv';
import { buildMetroVsLongDistance, METRO_VS_LONG_DISTANCE_NAME } from './metro-vs-long-distance';

export interface Template {
  readonly id: string;
  readonly name: string;
  /** One or two sentences for the "New from template" menu. */
  readonly summary: string;
  readonly build: () => Design;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'metro-vplex-otv',
    name: METRO_VPLEX_OTV_NAME,
    summary:
      'Two sites 80 km apart on diverse dark fibre with OTV, a local gateway per site, GSLB, ' +
      'VPLEX Metro and a third-site witness: every move is clean.',
    build: buildMetroVplexOtv,
  },
  {
    id: 'metro-metrocluster',
    name: METRO_METROCLUSTER_NAME,
    summary:
      'The same metro with NetApp MetroCluster owning every volume at DC1 and the gateway at ' +
      'DC1: after a move to DC2, storage I/O and egress trombone across the DCI.',
    build: buildMetroMetroCluster,
  },
  {
    id: 'l3-fabric-rack-to-rack',
    name: L3_FABRIC_RACK_TO_RACK_NAME,
    summary:
      'One site routed at the ToR with no overlay: routed vMotion is fine, but the VM segments ' +
      'end at their leaf, so moving rack to rack is an L2 gap. Turn the leaves’ EVPN overlay on to fix it.',
    build: buildL3FabricRackToRack,
  },
  {
    id: 'metro-vs-long-distance',
    name: METRO_VS_LONG_DISTANCE_NAME,
    summary:
      'Dallas and Houston 4 ms apart on VPLEX Metro, Los Angeles 3000 km away on VPLEX Geo: ' +
      'vSphere 5 Metro vMotion reaches Houston but not Los Angeles.',
    build: buildMetroVsLongDistance,
  },
  {
    id: 'metro-stretched-trunk',
    name: METRO_STRETCHED_TRUNK_NAME,
    summary:
      'The metro with its VLANs on a plain 802.1Q trunk over dark fibre and no BPDU filtering: ' +
      'both data centers share one spanning-tree domain.',
    build: buildMetroStretchedTrunk,
  },
];
