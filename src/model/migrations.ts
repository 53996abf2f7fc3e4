/**
 * Named, append-only migrations of the design document (tldraw's pattern). Each entry upgrades
 * a document from `from` to `from + 1`, and has a frozen fixture of version `from` in
 * src/io/fixtures (a test fails without it). A migration only adds what the new version needs;
 * everything else is left for the schema to judge, so a malformed old file is reported against
 * the schema's paths, not swallowed here.
 */
export type MigrationResult =
  { type: 'success'; value: Record<string, unknown> } | { type: 'error'; reason: string };

export interface Migration {
  readonly name: string;
  readonly from: number;
  readonly up: (doc: Record<string, unknown>) => MigrationResult;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 2 (DOMAIN.md §8): a workload's write rate per VM (BW-REPLICATION), 0 = unknown, and
 * the whiteboard notes list, empty.
 */
const AddWriteRateAndNotes: Migration = {
  name: 'AddWriteRateAndNotes',
  from: 1,
  up(doc) {
    const workloads = doc['workloads'];
    return {
      type: 'success',
      value: {
        ...doc,
        workloads: Array.isArray(workloads)
          ? workloads.map((w: unknown) =>
              isRecord(w) && !('writeRateMBps' in w) ? { ...w, writeRateMBps: 0 } : w,
            )
          : workloads,
        notes: doc['notes'] ?? [],
      },
    };
  },
};

export const MIGRATIONS: readonly Migration[] = [AddWriteRateAndNotes];

/** Upgrade a raw document of version `from` to the current version, one named step at a time. */
export function migrate(doc: Record<string, unknown>, from: number, to: number): MigrationResult {
  let value = doc;
  for (let v = from; v < to; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { type: 'error', reason: `no migration from version ${v}` };
    const result = step.up(value);
    if (result.type === 'error') return { type: 'error', reason: `${step.name}: ${result.reason}` };
    value = { ...result.value, version: v + 1 };
  }
  return { type: 'success', value };
}
