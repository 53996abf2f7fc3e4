import { describe, expect, it } from 'vitest';
import { buildMetroMetroCluster } from '../model/templates/metro-metrocluster';
import { noFindingsText, uncheckedMigrations } from './coverage';

describe('What "no findings" says of a design', () => {
  const metro = buildMetroMetroCluster();

  it('claims every rule satisfied only when every workload has a move to check', () => {
    expect(uncheckedMigrations(metro)).toBeNull();
    expect(noFindingsText(metro)).toMatch(
      /^No findings: every rule of the rule book is satisfied/u,
    );
  });

  it('says no migration is checked when no workload is placed', () => {
    const text = noFindingsText({ ...metro, workloads: [] });
    expect(text).toMatch(/^No findings, but no workload is placed yet/u);
    expect(text).toContain('no live migration is checked');
  });

  it('says so too when no workload has a mobility target', () => {
    const still = {
      ...metro,
      workloads: metro.workloads.map((w) => ({ ...w, mobilityTargetIds: [] })),
    };
    expect(noFindingsText(still)).toMatch(
      /^No findings, but no workload has a mobility target yet/u,
    );
  });

  it('is satisfied with one workload that may move, beside others that may not', () => {
    const one = {
      ...metro,
      workloads: metro.workloads.map((w, i) => (i === 0 ? w : { ...w, mobilityTargetIds: [] })),
    };
    expect(uncheckedMigrations(one)).toBeNull();
  });
});
