import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateForWorkload, estimateMigration, type BandwidthLimit } from './migration';
import { twoSites } from './testing';

describe('pre-copy estimate (DOMAIN.md §6)', () => {
  it('reproduces the worked example: 16 GB, 8 Gb/s, 2 Gb/s dirty, T = 0.5 s', () => {
    const e = estimateMigration({
      memoryGB: 16,
      dirtyRateMBps: 250,
      bandwidthGbps: 8,
      rttMs: 0,
      downtimeTargetS: 0.5,
      resumeAllowanceS: 0,
    });
    expect(e.lambda).toBeCloseTo(0.25);
    expect(e.converges).toBe(true);
    expect(e.rounds).toBe(3);
    expect(e.totalTimeS).toBeCloseTo(21.25, 2);
    expect(e.downtimeS).toBeCloseTo(0.25, 3);
    expect(e.dataSentGb).toBeCloseTo(170, 0);
  });
  it('never converges over 1 Gb/s (λ = 2)', () => {
    const e = estimateMigration({
      memoryGB: 16,
      dirtyRateMBps: 250,
      bandwidthGbps: 1,
      rttMs: 0,
      downtimeTargetS: 0.5,
    });
    expect(e.lambda).toBeCloseTo(2);
    expect(e.converges).toBe(false);
    expect(e.totalTimeS).toBe(Infinity);
  });
  it('takes the smallest of path share, NIC, throughput cap and TCP window / RTT', () => {
    const base = {
      memoryGB: 16,
      dirtyRateMBps: 0,
      bandwidthGbps: 40,
      rttMs: 0,
      downtimeTargetS: 1,
    };
    expect(estimateMigration({ ...base, concurrentMigrations: 4 })).toMatchObject({
      effectiveGbps: 10,
      limitedBy: 'link-share',
    });
    expect(estimateMigration({ ...base, nicGbps: 5 })).toMatchObject({
      effectiveGbps: 5,
      limitedBy: 'nic',
    });
    expect(estimateMigration({ ...base, rttMs: 100, tcpWindowMB: 64 })).toMatchObject({
      effectiveGbps: 5.12,
      limitedBy: 'tcp-window',
    });
    expect(estimateMigration({ ...base, throughputCapGbps: 1.07 })).toMatchObject({
      limitedBy: 'throughput-cap',
    });
  });
  it('adds the resume allowance to the downtime', () => {
    const e = estimateMigration({
      memoryGB: 16,
      dirtyRateMBps: 250,
      bandwidthGbps: 8,
      rttMs: 0,
      downtimeTargetS: 0.5,
      resumeAllowanceS: 0.1,
    });
    expect(e.downtimeS).toBeCloseTo(0.35, 3);
  });
});

describe('estimateForWorkload', () => {
  it('reads bandwidth and RTT from the design', () => {
    const d = twoSites({
      singleDci: true,
      dci: { bandwidthGbps: 8 },
      workload: { memoryGB: 16, dirtyRateMBps: 250 },
    }).build();
    const e = estimateForWorkload(d, 'w1', 'b-c');
    expect(e?.effectiveGbps).toBe(8);
    // T = 2 s tolerance − 0.1 s resume allowance: ⌈ln(8 × 1.9 / 128) / ln 0.25⌉ = 2 rounds.
    expect(e?.rounds).toBe(2);
    expect(e?.path[0]).toBe('a-c');
  });
  it('returns null for an unknown workload or no path', () => {
    const d = twoSites().build();
    expect(estimateForWorkload(d, 'nope', 'b-c')).toBeNull();
  });
});

describe('the bandwidth a migration gets', () => {
  it('is the lowest of its limits, the first listed on a tie, as a list of candidates gives it', () => {
    const gbps = fc.oneof(
      fc.constantFrom(0, 1, 10, 25),
      fc.double({ min: 0, max: 400, noNaN: true }),
    );
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    fc.assert(
      fc.property(
        gbps,
        maybe(fc.integer({ min: 0, max: 8 })),
        maybe(gbps),
        fc.option(gbps, { nil: null }),
        maybe(fc.constantFrom(0.5, 4, 16)),
        fc.constantFrom(0, 0.5, 12, 150),
        (bandwidthGbps, concurrent, nicGbps, throughputCapGbps, tcpWindowMB, rttMs) => {
          const input = {
            memoryGB: 16,
            dirtyRateMBps: 100,
            bandwidthGbps,
            rttMs,
            downtimeTargetS: 0.5,
            ...(concurrent === undefined ? {} : { concurrentMigrations: concurrent }),
            ...(nicGbps === undefined ? {} : { nicGbps }),
            throughputCapGbps,
            ...(tcpWindowMB === undefined ? {} : { tcpWindowMB }),
          };
          const candidates: [number, BandwidthLimit][] = [
            [bandwidthGbps, 'path'],
            [bandwidthGbps / Math.max(1, concurrent ?? 1), 'link-share'],
          ];
          if (nicGbps !== undefined) candidates.push([nicGbps, 'nic']);
          if (throughputCapGbps !== null) candidates.push([throughputCapGbps, 'throughput-cap']);
          if (tcpWindowMB !== undefined && rttMs > 0)
            candidates.push([(tcpWindowMB * 8) / rttMs, 'tcp-window']);
          const [lowest, by] = candidates.reduce((min, c) => (c[0] < min[0] ? c : min));
          const e = estimateMigration(input);
          expect(e.effectiveGbps).toBe(lowest);
          expect(e.limitedBy).toBe(by);
        },
      ),
      { numRuns: 500 },
    );
  });
});
