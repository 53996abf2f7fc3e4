import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../model/templates';
import type { Design } from '../../model/schema';
import { applyScenario, moveWorkload, simulateMove, type MoveSimulation } from './move';

function template(id: string): Design {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template "${id}"`);
  return t.build();
}

function simulate(design: Design, workloadId: string, target: string): MoveSimulation {
  const result = simulateMove(design, workloadId, target);
  if (!result.ok) throw new Error(result.reason.message);
  return result;
}

describe('simulateMove', () => {
  it('moving web-01..04 to DC2 on MetroCluster adds a storage trombone', () => {
    const sim = simulate(template('metro-metrocluster'), 'wl-web', 'esx-prod-b');
    const storage = sim.added.filter((f) => f.ruleId === 'TROMBONE-STORAGE');
    expect(storage).toHaveLength(1);
    const [trombone] = storage;
    expect(trombone?.scenario).toBeUndefined();
    expect(trombone?.elementIds).toEqual(
      expect.arrayContaining(['wl-web', 'vol-prod-01', 'esx-prod-b', 'array-a', 'dci-fibre-1']),
    );
    // The whole looping path: from the cluster at DC2 across the DCI to the array at DC1, and back.
    const path = trombone?.path ?? [];
    expect(path[0]).toBe('esx-prod-b');
    expect(path[path.length - 1]).toBe('esx-prod-b');
    expect(path).toContain('array-a');
    expect(sim.tromboneFindings.map((f) => f.ruleId).sort()).toEqual([
      'TROMBONE-GW',
      'TROMBONE-STORAGE',
    ]);
  });

  it('does not report the realized hypothetical "after web moves to DC2" as resolved', () => {
    const sim = simulate(template('metro-metrocluster'), 'wl-web', 'esx-prod-b');
    expect(sim.before.some((f) => f.scenario?.workloadId === 'wl-web')).toBe(true);
    expect(sim.resolved).toEqual([]);
    expect(sim.moveBack).toEqual([]);
  });

  it('places the workload on the target and lets it move back', () => {
    const design = template('metro-metrocluster');
    const sim = simulate(design, 'wl-web', 'esx-prod-b');
    const moved = sim.scenario.workloads.find((w) => w.id === 'wl-web');
    expect(moved?.clusterId).toBe('esx-prod-b');
    expect(moved?.mobilityTargetIds).toEqual(['esx-prod-a']);
    expect(design.workloads.find((w) => w.id === 'wl-web')?.clusterId).toBe('esx-prod-a');
    expect(applyScenario(sim)).toBe(sim.scenario);
  });

  it('estimates the move with the pre-copy model', () => {
    const sim = simulate(template('metro-metrocluster'), 'wl-web', 'esx-prod-b');
    expect(sim.estimate?.converges).toBe(true);
    expect(sim.estimate?.rounds).toBeGreaterThanOrEqual(1);
    expect(sim.estimate?.totalTimeS).toBeGreaterThan(0);
    expect(sim.estimate?.downtimeS).toBeLessThan(2);
    expect(sim.estimate?.path).toContain('dci-fibre-1');
  });

  it('moving a workload on the clean VPLEX metro adds and resolves nothing', () => {
    const design = template('metro-vplex-otv');
    const w = design.workloads[0];
    const target = w?.mobilityTargetIds[0];
    if (!w || target === undefined) throw new Error('template without a move');
    const sim = simulate(design, w.id, target);
    expect(sim.added).toEqual([]);
    expect(sim.resolved).toEqual([]);
  });

  it('an L2 gap between rack A and rack B is one problem seen from either end, not new and resolved', () => {
    const sim = simulate(template('l3-fabric-rack-to-rack'), 'wl-web-01', 'esx-rack-b');
    expect(
      sim.before.some((f) => f.ruleId === 'L2-GAP' && f.scenario?.workloadId === 'wl-web-01'),
    ).toBe(true);
    expect(sim.added).toEqual([]);
    expect(sim.resolved).toEqual([]);
    expect(sim.moveBack.map((f) => f.ruleId)).toEqual(['L2-GAP']);
  });

  it('resolves a trombone when the workload moves to where its gateway and datastore are', () => {
    const design = moveWorkload(template('metro-metrocluster'), 'wl-web', 'esx-prod-b');
    const sim = simulate(design, 'wl-web', 'esx-prod-a');
    expect(sim.resolved.map((f) => f.ruleId).sort()).toEqual(['TROMBONE-GW', 'TROMBONE-STORAGE']);
    expect(sim.added).toEqual([]);
  });

  it('refuses an unknown workload, an unknown cluster and a move to where it runs', () => {
    const design = template('metro-metrocluster');
    const kind = (r: ReturnType<typeof simulateMove>) => (r.ok ? 'ok' : r.reason.kind);
    expect(kind(simulateMove(design, 'nope', 'esx-prod-b'))).toBe('unknown-workload');
    expect(kind(simulateMove(design, 'wl-web', 'nope'))).toBe('unknown-cluster');
    expect(kind(simulateMove(design, 'wl-web', 'esx-prod-a'))).toBe('already-there');
  });
});
