import { describe, expect, it } from 'vitest';
import { HYPERVISOR_PROFILE_IDS, HYPERVISOR_PROFILES } from '../model/catalog';
import { runRules } from './index';
import { findingsOf, twoSites } from './testing';

/** Edition 2 profiles (DOMAIN.md §8), each held to its own limits by the existing rules. */
describe('hypervisor profiles of edition 2', () => {
  it('keeps the first six ids where they were, so old files keep their meaning', () => {
    expect(HYPERVISOR_PROFILE_IDS.slice(0, 6)).toEqual([
      'vsphere-5-standard',
      'vsphere-5-metro',
      'vsphere-6',
      'hyperv-stretched',
      'kvm',
      'vsphere-vmsc',
    ]);
  });

  describe('vSphere 7.x / 8.x', () => {
    const d = (distanceKm: number) =>
      twoSites({
        distanceKm,
        clusterA: { profile: 'vsphere-7-8' },
        clusterB: { profile: 'vsphere-7-8' },
      }).build();
    it('allows 150 ms (14,000 km) of RTT', () => {
      expect(findingsOf(d(14_000), 'LAT-MIGRATION')).toEqual([]);
    });
    it('fires LAT-MIGRATION beyond 150 ms, citing the vSphere 7/8 requirements', () => {
      const [f] = findingsOf(d(16_000), 'LAT-MIGRATION');
      expect(f).toMatchObject({ severity: 'error', limit: 150 });
      expect(f?.source).toContain('vSphere 7/8');
    });
    it('routes the vMotion network fine', () => {
      const routed = twoSites({
        clusterA: { profile: 'vsphere-7-8', vmkRouted: true },
        clusterB: { profile: 'vsphere-7-8', vmkRouted: true },
        torA: { boundary: 'l3', overlay: true },
      }).build();
      expect(findingsOf(routed, 'VMK-ROUTED')).toEqual([]);
    });
  });

  describe('Nutanix AHV Metro Availability', () => {
    const d = (distanceKm: number, stretched = false) =>
      twoSites({
        distanceKm,
        clusterA: {
          profile: 'nutanix-ahv-metro',
          ...(stretched ? { stretchPeerId: 'b-c' } : {}),
        },
        clusterB: { profile: 'nutanix-ahv-metro' },
      }).build();
    it('stays quiet at 4 ms', () => {
      expect(findingsOf(d(380), 'LAT-MIGRATION')).toEqual([]);
      expect(findingsOf(d(380, true), 'LAT-STRETCHED')).toEqual([]);
    });
    it('fires LAT-MIGRATION and LAT-STRETCHED beyond 5 ms between sites', () => {
      expect(findingsOf(d(600), 'LAT-MIGRATION')[0]).toMatchObject({ limit: 5 });
      const [f] = findingsOf(d(600, true), 'LAT-STRETCHED');
      expect(f).toMatchObject({ severity: 'error', limit: 5 });
      expect(f?.source).toContain('Nutanix');
    });
  });

  describe('Azure Local / Azure Stack HCI stretched', () => {
    const d = (o: { distanceKm?: number; bandwidthGbps?: number }) =>
      twoSites({
        distanceKm: o.distanceKm ?? 80,
        dci: { bandwidthGbps: o.bandwidthGbps ?? 10 },
        clusterA: { profile: 'azure-local-stretched' },
        clusterB: { profile: 'azure-local-stretched' },
      }).build();
    it('fires LAT-MIGRATION beyond 5 ms average', () => {
      expect(findingsOf(d({ distanceKm: 600 }), 'LAT-MIGRATION')[0]).toMatchObject({
        severity: 'error',
        limit: 5,
      });
    });
    it('only warns below its uncertain 1 Gb/s link figure', () => {
      const [f] = findingsOf(d({ bandwidthGbps: 0.5 }), 'BW-MIGRATION');
      expect(f).toMatchObject({ severity: 'warning', limit: 1 });
      expect(findingsOf(d({ bandwidthGbps: 2 }), 'BW-MIGRATION')).toEqual([]);
    });
  });

  describe('Proxmox VE', () => {
    const d = (distanceKm: number) =>
      twoSites({
        distanceKm,
        clusterA: { profile: 'proxmox-ve' },
        clusterB: { profile: 'proxmox-ve' },
      }).build();
    it('has no hard RTT limit', () => {
      expect(findingsOf(d(20_000), 'LAT-MIGRATION')).toEqual([]);
    });
    it('estimates migrations under its uncertain 128 MiB/s default cap, which only warns', () => {
      const cap = HYPERVISOR_PROFILES['proxmox-ve'].defaultThroughputCapGbps;
      expect(cap).toMatchObject({ certain: false });
      expect(cap?.value).toBeCloseTo(1.074, 3);
      const busy = twoSites({
        clusterA: { profile: 'proxmox-ve' },
        clusterB: { profile: 'proxmox-ve' },
        workload: { dirtyRateMBps: 200 },
      }).build();
      const found = runRules(busy).filter((f) => f.ruleId.startsWith('MIG-'));
      expect(found.map((f) => f.ruleId)).toContain('MIG-CONVERGE');
      expect(found.every((f) => f.severity !== 'error')).toBe(true);
    });
  });
});
