import { describe, expect, it } from 'vitest';
import { choices, FIELD_NAMES, fieldName, fieldProps, type FieldScope } from './fieldNames';
import { NODE_KINDS } from './kinds';
import {
  arraySchema,
  borderSchema,
  clusterSchema,
  dciLinkSchema,
  designNodeSchema,
  fabricLinkSchema,
  firewallSchema,
  noteSchema,
  segmentSchema,
  settingsSchema,
  siteSchema,
  spineSchema,
  torSchema,
  volumeSchema,
  witnessSchema,
  workloadSchema,
} from './schema';

/** Each scope with the schema of its elements. */
const SCHEMAS: readonly [FieldScope, { shape: object }][] = [
  ['site', siteSchema],
  ['spine', spineSchema],
  ['tor', torSchema],
  ['border', borderSchema],
  ['cluster', clusterSchema],
  ['array', arraySchema],
  ['firewall', firewallSchema],
  ['witness', witnessSchema],
  ['volume', volumeSchema],
  ['dci', dciLinkSchema],
  ['fabric', fabricLinkSchema],
  ['segment', segmentSchema],
  ['workload', workloadSchema],
  ['note', noteSchema],
  ['settings', settingsSchema],
];

describe('field names', () => {
  it('name every field of every element the schema has', () => {
    const nodeKinds = SCHEMAS.map(([scope]) => scope).filter((s) =>
      (NODE_KINDS as readonly string[]).includes(s),
    );
    expect(nodeKinds).toEqual([...NODE_KINDS]);
    expect(designNodeSchema._zod.def.options).toHaveLength(NODE_KINDS.length);
    const missing = SCHEMAS.flatMap(([scope, schema]) =>
      Object.keys(schema.shape)
        .filter((key) => fieldName(scope, key) === undefined)
        .map((key) => `${scope}.${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('find a node or link kind’s common fields, and nothing for an unknown one', () => {
    expect(fieldName('cluster', 'label')?.label).toBe('Label');
    expect(fieldName('cluster', 'parentId')).toMatchObject({ label: 'Site', show: 'ref' });
    expect(fieldName('dci', 'bandwidthGbps')).toEqual({ label: 'Bandwidth', unit: 'Gb/s' });
    expect(fieldName('fabric', 'rttMs')?.none).toBe('estimated from distance');
    expect(fieldName('segment', 'bandwidthGbps')).toBeUndefined();
    expect(fieldName('spine', 'distanceKm')).toBeUndefined();
    expect(fieldName('workload', 'toString')).toBeUndefined();
  });

  it('give a field’s label and unit as the editors take them', () => {
    expect(fieldProps(FIELD_NAMES.dci.distanceKm)).toEqual({ label: 'Distance', unit: 'km' });
    expect(fieldProps(FIELD_NAMES.cluster.hosts)).toEqual({ label: 'Hosts' });
  });

  it('list a choice’s options in order', () => {
    expect(choices(FIELD_NAMES.volume.replication.options)).toEqual([
      { value: 'none', label: 'None' },
      { value: 'sync', label: 'Synchronous' },
      { value: 'async', label: 'Asynchronous' },
    ]);
  });
});
