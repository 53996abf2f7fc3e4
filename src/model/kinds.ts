/**
 * Plain facts of the design format that the first screen needs without loading the schema
 * (zod) itself: the format version and the element kinds. schema.ts re-exports them.
 */
export const CURRENT_VERSION = 2 as const;

export const NODE_KINDS = [
  'site',
  'spine',
  'tor',
  'border',
  'cluster',
  'array',
  'firewall',
  'witness',
] as const;
export const DEVICE_KINDS = [
  'spine',
  'tor',
  'border',
  'cluster',
  'array',
  'firewall',
  'witness',
] as const;
