import { describe, expect, it } from 'vitest';
import {
  clusterSchema,
  DCI_DISTANCE_MAX_KM,
  dciLinkSchema,
  latitudeSchema,
  segmentSchema,
  settingsSchema,
  workloadSchema,
} from '../model/schema';
import { issueText, type FieldSchema } from './fields';

/** What a field says under `schema` for `value`, with its unit. */
function refusal(schema: FieldSchema, value: unknown, unit?: string): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${String(value)} to be refused`);
  return issueText(result.error, unit);
}

describe('A number field’s refusal', () => {
  it('names the bound with the field’s unit, grouped from five digits on', () => {
    expect(refusal(dciLinkSchema.shape.distanceKm, 1e9, 'km')).toBe('Must be ≤ 40,000 km');
    expect(refusal(dciLinkSchema.shape.distanceKm, -1, 'km')).toBe('Must be ≥ 0 km');
    expect(refusal(segmentSchema.shape.vlanId, 5000)).toBe('Must be ≤ 4094');
    expect(refusal(dciLinkSchema.shape.mtu, 100, 'B')).toBe('Must be ≥ 576 B');
  });

  it('closes up a degree and a per-unit', () => {
    expect(refusal(latitudeSchema, 91, '°')).toBe('Must be ≤ 90°');
    expect(refusal(clusterSchema.shape.vswitchPortsPerHost, 200_000, '/host')).toBe(
      'Must be ≤ 100,000/host',
    );
  });

  it("refuses a VM's memory past any server's, naming the bound in the field's unit", () => {
    expect(refusal(workloadSchema.shape.memoryGB, 1e300, 'GB')).toBe('Must be ≤ 1,000,000 GB');
    expect(refusal(workloadSchema.shape.memoryGB, 0, 'GB')).toBe('Must be > 0 GB');
    expect(refusal(settingsSchema.shape.tcpWindowMB, 4096, 'MB')).toBe('Must be ≤ 1024 MB');
    expect(workloadSchema.shape.memoryGB.safeParse(24_576).success).toBe(true);
  });

  it('is quiet at the bound itself', () => {
    expect(dciLinkSchema.shape.distanceKm.safeParse(DCI_DISTANCE_MAX_KM).success).toBe(true);
  });
});
