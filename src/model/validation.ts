/**
 * Pure checks and suggestions for what people type into a design (subnets, VLAN ids, names): the
 * sidebar panels' inputs and the model's own edits (a new segment's VLAN id) use them.
 */

const DECIMAL = /^(0|[1-9]\d*)$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function prefixWithin(text: string, max: number): boolean {
  if (!DECIMAL.test(text)) return false;
  return Number(text) <= max;
}

/**
 * A dotted-quad IPv4 address. Leading zeros are refused: `010` reads as octal in some tools
 * and decimal in others, so it is ambiguous in a design that others will configure from.
 */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => DECIMAL.test(p) && Number(p) <= 255);
}

/** An IPv6 address in any RFC 4291 text form (`::` compression, an IPv4 tail); no zone id. */
export function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const compressed = halves.length === 2;
  const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = compressed ? groupsOf(halves[1] ?? '') : [];
  const groups = [...head, ...tail];
  // An embedded IPv4 address may only be the last 32 bits, after any `::`.
  const last = compressed ? tail[tail.length - 1] : head[head.length - 1];
  let count = groups.length;
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    groups.pop();
    count += 1;
  }
  if (!groups.every((g) => HEX_GROUP.test(g))) return false;
  return compressed ? count <= 7 : count === 8;
}

/**
 * Whether `text` is a subnet in CIDR notation: `10.1.10.0/24` or `2001:db8:10::/64`. Host bits
 * may be set (`10.1.10.1/24` names the gateway and its subnet, as many configs write it). The
 * text is taken as is: callers trim what a user typed.
 */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash !== text.lastIndexOf('/')) return false;
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (isIpv4(address)) return prefixWithin(prefix, 32);
  if (isIpv6(address)) return prefixWithin(prefix, 128);
  return false;
}

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

/**
 * The VLAN id for a new segment: the first free multiple of ten from 100 (how most plans
 * number user VLANs, clear of the default VLAN 1 and of low infrastructure ids), else the
 * lowest free id. Null when all 4094 are taken.
 */
export function nextFreeVlanId(used: Iterable<number>): number | null {
  const taken = new Set(used);
  for (let id = 100; id <= VLAN_MAX; id += 10) if (!taken.has(id)) return id;
  for (let id = VLAN_MIN; id <= VLAN_MAX; id += 1) if (!taken.has(id)) return id;
  return null;
}

/** `base-2`, `base-3`… the first name not in `taken` (starting at `start`). */
export function nextFreeName(base: string, taken: Iterable<string>, start = 1): string {
  const names = new Set(taken);
  for (let n = start; ; n += 1) {
    const name = `${base}-${n}`;
    if (!names.has(name)) return name;
  }
}
