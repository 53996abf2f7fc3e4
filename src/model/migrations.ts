/**
 * Named, append-only migrations of the design document (tldraw's pattern). Each entry upgrades
 * a document from `from` to `from + 1`. Version 1 is the first public version, so the list is
 * empty; the first change to the format adds `{ name: 'AddSomething', from: 1, up }` here, a
 * frozen fixture of version 1 in src/io/fixtures, and bumps CURRENT_VERSION.
 */
export type MigrationResult =
  { type: 'success'; value: Record<string, unknown> } | { type: 'error'; reason: string };

export interface Migration {
  readonly name: string;
  readonly from: number;
  readonly up: (doc: Record<string, unknown>) => MigrationResult;
}

export const MIGRATIONS: readonly Migration[] = [];

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
