/**
 * Share links: a whole design in the URL fragment (never sent to a server).
 *
 * Link format 2 (the current one), as it appears after `#`:
 *
 *     d=2.<data>     an edit link
 *     v=2.<data>     a view-only link (a UI mode, not access control: anyone may change v to d)
 *
 * `2` is the link format; each link format decodes to one schema version (LINK_FORMATS), and the
 * document then goes through `loadDocument`, so an old link is migrated like an old file.
 * `<data>` is base64url (no padding) of raw DEFLATE (level 9, with the frozen preset dictionary
 * of its format) of the UTF-8 JSON of the *packed* design, followed in format 2 by the CRC-32 of
 * that JSON (4 bytes, big-endian): a link changed or cut anywhere is refused instead of loading
 * another design. The packed design:
 *
 *     format 1: [name, settings, ids, nodes, links, segments, workloads, waivers]
 *     format 2: [name, settings, ids, nodes, links, segments, workloads, waivers, notes]
 *
 * - `ids` lists every element id once, in the order the elements appear (nodes, each array's
 *   volumes after their array, links, segments, workloads, notes), then any dangling reference; an
 *   element takes the next id, and a reference is an index into `ids`.
 * - Every record is a positional array in a frozen field order (the tables below). Enums are
 *   indexes into frozen lists (an unknown value is kept as its string), booleans are 0/1, a
 *   name equal to its id is 0, an absent optional is null, and trailing fields equal to their
 *   default (or absent) are dropped. A trailing empty list is dropped too.
 * - Node positions are rounded to whole pixels: the only loss, invisible on the canvas.
 *
 * Everything in this file that shapes a published format (field orders, defaults, enum lists,
 * dictionary) is frozen: changing it would change what existing links mean. Format 1 decodes to
 * schema version 1, format 2 to version 2; the next schema version adds format 3 with its own
 * tables. The defaults here are deliberately copied from src/model/defaults.ts, not imported.
 */
import { deflateSync } from 'fflate';
import type { Design } from '../model/schema';
import {
  loadDocument,
  toDocument,
  type LoadError,
  type LoadResult,
  type LoadWarning,
} from './document';
import {
  base64Decode,
  base64Encode,
  inflateCapped,
  crc32,
  TooLargeError,
  utf8Decode,
  utf8Encode,
} from './bytes';

export type LinkMode = 'edit' | 'view';

export type LinkLoadResult =
  | {
      readonly ok: true;
      readonly design: Design;
      readonly mode: LinkMode;
      readonly warnings: readonly LoadWarning[];
    }
  | { readonly ok: false; readonly error: LoadError };

/** Longer fragments are refused before decoding (browsers cap URLs at about 2 MB). */
export const MAX_LINK_CHARS = 2_000_000;
/** A link never inflates to more than this: a guard against compression bombs. */
export const MAX_LINK_INFLATED_BYTES = 5_000_000;

export const CURRENT_LINK_FORMAT = 2;

// ---------------------------------------------------------------------------------------------
// Frozen tables of link format 1.

type Json = string | number | null | Json[];

class Damaged extends Error {}

interface PackContext {
  /** Index of an id in the id table. */
  ref(id: string): number;
  /** Id of the record being packed (a name equal to it packs as 0). */
  currentId: string;
}

interface UnpackContext {
  readonly ids: readonly string[];
  /** The next element id in table order. */
  nextId(): string;
  currentId: string;
}

interface Codec {
  pack(value: unknown, ctx: PackContext): Json;
  unpack(packed: Json, ctx: UnpackContext): unknown;
}

interface Field {
  readonly key: string;
  readonly codec: Codec;
  /** Unpacked default: dropped when trailing, restored when missing. */
  readonly def?: unknown;
  readonly optional?: true;
}

const str: Codec = {
  pack: (v) => v as string,
  unpack: (p) => {
    if (typeof p !== 'string') throw new Damaged('expected text');
    return p;
  },
};

const num: Codec = {
  pack: (v) => v as number,
  unpack: (p) => {
    if (typeof p !== 'number') throw new Damaged('expected a number');
    return p;
  },
};

/** Positions are rounded to whole pixels (the one lossy step). */
const pixel: Codec = { pack: (v) => Math.round(v as number), unpack: num.unpack };

const bool: Codec = {
  pack: (v) => (v ? 1 : 0),
  unpack: (p) => {
    if (p !== 0 && p !== 1) throw new Damaged('expected 0 or 1');
    return p === 1;
  },
};

/** A name equal to the record's id packs as 0 (the builder and many users name things so). */
const name: Codec = {
  pack: (v, ctx) => (v === ctx.currentId ? 0 : (v as string)),
  unpack: (p, ctx) => (p === 0 ? ctx.currentId : str.unpack(p, ctx)),
};

function enumOf(values: readonly string[]): Codec {
  return {
    pack: (v) => {
      const i = values.indexOf(v as string);
      return i >= 0 ? i : (v as string);
    },
    unpack: (p) => {
      if (typeof p === 'string') return p;
      const value = typeof p === 'number' ? values[p] : undefined;
      if (value === undefined) throw new Damaged('unknown choice');
      return value;
    },
  };
}

const ref: Codec = {
  pack: (v, ctx) => ctx.ref(v as string),
  unpack: (p, ctx) => {
    const id = typeof p === 'number' && Number.isInteger(p) ? ctx.ids[p] : undefined;
    if (id === undefined) throw new Damaged('reference out of range');
    return id;
  },
};

function listOf(codec: Codec): Codec {
  return {
    pack: (v, ctx) => (v as unknown[]).map((item) => codec.pack(item, ctx)),
    unpack: (p, ctx) => {
      if (!Array.isArray(p)) throw new Damaged('expected a list');
      return p.map((item) => codec.unpack(item, ctx));
    },
  };
}

const refs = listOf(ref);

/** A nested record with its own id (volumes in an array). */
function recordsOf(fields: readonly Field[]): Codec {
  return {
    pack: (v, ctx) => {
      const outer = ctx.currentId;
      const rows = (v as Record<string, unknown>[]).map((rec) => packRecord(rec, fields, ctx));
      ctx.currentId = outer;
      return rows;
    },
    unpack: (p, ctx) => {
      if (!Array.isArray(p)) throw new Damaged('expected a list');
      const outer = ctx.currentId;
      const records = p.map((row) => unpackRecord(row, fields, ctx));
      ctx.currentId = outer;
      return records;
    },
  };
}

const latLon: Codec = {
  pack: (v) => {
    const l = v as { lat: number; lon: number };
    return [l.lat, l.lon];
  },
  unpack: (p) => {
    if (!Array.isArray(p) || p.length !== 2) throw new Damaged('expected a location');
    const [lat, lon] = p;
    if (typeof lat !== 'number' || typeof lon !== 'number')
      throw new Damaged('expected a location');
    return { lat, lon };
  },
};

const NODE_KINDS_V1 = [
  'site',
  'spine',
  'tor',
  'border',
  'cluster',
  'array',
  'firewall',
  'witness',
] as const;
const LINK_KINDS_V1 = ['fabric', 'dci'] as const;
const PROFILES_V1 = [
  'vsphere-5-standard',
  'vsphere-5-metro',
  'vsphere-6',
  'hyperv-stretched',
  'kvm',
  'vsphere-vmsc',
];
const PRODUCTS_V1 = [
  'generic',
  'vplex-metro',
  'vplex-geo',
  'netapp-metrocluster',
  'ibm-svc-stretched',
  'ibm-hyperswap',
  'pure-activecluster',
  'hpe-3par-peer-persistence',
  'vsan-stretched',
  'netapp-flexcache',
];
const TRANSPORTS_V1 = ['dark-fiber', 'dwdm', 'mpls-l3vpn', 'ipsec-vpn', 'internet'];
const EXTENSIONS_V1 = ['none', 'trunk', 'vpls', 'eompls', 'otv', 'vxlan-evpn'];

const SETTINGS_V1: readonly Field[] = [
  { key: 'dciHopAllowanceMs', codec: num, def: 0.1 },
  { key: 'fabricHopAllowanceMs', codec: num, def: 0.005 },
  { key: 'tcpWindowMB', codec: num, def: 64 },
  { key: 'resumeAllowanceS', codec: num, def: 0.1 },
];

/** Node positions are flattened to x, y fields while packing. */
const SITE_V1: readonly Field[] = [
  { key: 'label', codec: name },
  { key: 'x', codec: pixel },
  { key: 'y', codec: pixel },
  { key: 'width', codec: num, def: 560 },
  { key: 'height', codec: num, def: 380 },
  { key: 'role', codec: enumOf(['dc', 'witness', 'cloud']), def: 'dc' },
  { key: 'location', codec: latLon, optional: true },
];

const DEVICE_V1: readonly Field[] = [
  { key: 'label', codec: name },
  { key: 'parentId', codec: ref },
  { key: 'x', codec: pixel },
  { key: 'y', codec: pixel },
];

const VOLUME_V1: readonly Field[] = [
  { key: 'name', codec: name },
  { key: 'replication', codec: enumOf(['none', 'sync', 'async']), def: 'none' },
  { key: 'preferredSiteId', codec: ref, optional: true },
  { key: 'peerArrayId', codec: ref, optional: true },
];

const DEVICE_FIELDS_V1: Readonly<Record<(typeof NODE_KINDS_V1)[number], readonly Field[]>> = {
  site: SITE_V1,
  spine: DEVICE_V1,
  border: DEVICE_V1,
  tor: [
    ...DEVICE_V1,
    { key: 'boundary', codec: enumOf(['l2', 'l3']), def: 'l2' },
    { key: 'overlay', codec: bool, def: false },
    { key: 'anycastGateway', codec: bool, def: false },
  ],
  cluster: [
    ...DEVICE_V1,
    { key: 'profile', codec: enumOf(PROFILES_V1), def: 'vsphere-6' },
    { key: 'hosts', codec: num, def: 8 },
    { key: 'vswitchPortsPerHost', codec: num, def: 64 },
    { key: 'vmkRouted', codec: bool, def: false },
    { key: 'vmotionNicGbps', codec: num, def: 10 },
    { key: 'concurrentMigrations', codec: num, def: 1 },
    { key: 'stretchPeerId', codec: ref, optional: true },
  ],
  array: [
    ...DEVICE_V1,
    { key: 'product', codec: enumOf(PRODUCTS_V1), def: 'generic' },
    { key: 'access', codec: enumOf(['uniform', 'non-uniform']), def: 'uniform' },
    { key: 'nodeRedundancy', codec: bool, def: true },
    { key: 'volumes', codec: recordsOf(VOLUME_V1), def: [] },
  ],
  firewall: [
    ...DEVICE_V1,
    { key: 'stateful', codec: bool, def: true },
    { key: 'stateSynced', codec: bool, def: false },
    { key: 'segmentIds', codec: refs, def: [] },
  ],
  witness: [...DEVICE_V1, { key: 'arbitrates', codec: refs, def: [] }],
};

const LINK_ENDS_V1: readonly Field[] = [
  { key: 'source', codec: ref },
  { key: 'target', codec: ref },
];

const LINK_FIELDS_V1: Readonly<Record<(typeof LINK_KINDS_V1)[number], readonly Field[]>> = {
  fabric: [
    ...LINK_ENDS_V1,
    { key: 'bandwidthGbps', codec: num, def: 100 },
    { key: 'rttMs', codec: num, optional: true },
    { key: 'label', codec: str, optional: true },
  ],
  dci: [
    ...LINK_ENDS_V1,
    { key: 'transport', codec: enumOf(TRANSPORTS_V1), def: 'dark-fiber' },
    { key: 'l2Extension', codec: enumOf(EXTENSIONS_V1), def: 'none' },
    { key: 'bpduFilter', codec: bool, def: false },
    { key: 'distanceKm', codec: num, def: 10 },
    { key: 'bandwidthGbps', codec: num, def: 10 },
    { key: 'mtu', codec: num, def: 9216 },
    { key: 'extendedSegmentIds', codec: refs, def: [] },
    { key: 'rttMs', codec: num, optional: true },
    { key: 'label', codec: str, optional: true },
  ],
};

const SEGMENT_V1: readonly Field[] = [
  { key: 'name', codec: name },
  { key: 'vlanId', codec: num },
  { key: 'subnet', codec: str, def: '' },
  { key: 'gatewayMode', codec: enumOf(['centralized', 'per-site', 'anycast']), def: 'centralized' },
  { key: 'gatewaySiteIds', codec: refs, def: [] },
  {
    key: 'ingressMode',
    codec: enumOf(['single-site', 'gslb', 'lisp', 'host-routes']),
    def: 'single-site',
  },
  { key: 'ingressSiteId', codec: ref, optional: true },
];

const WORKLOAD_V1: readonly Field[] = [
  { key: 'name', codec: name },
  { key: 'clusterId', codec: ref },
  { key: 'count', codec: num, def: 1 },
  { key: 'memoryGB', codec: num, def: 16 },
  { key: 'dirtyRateMBps', codec: num, def: 50 },
  { key: 'segmentIds', codec: refs, def: [] },
  { key: 'downtimeToleranceS', codec: num, def: 2 },
  { key: 'mobilityTargetIds', codec: refs, def: [] },
  { key: 'datastoreId', codec: ref, optional: true },
];

const WAIVER_V1: readonly Field[] = [
  { key: 'findingKey', codec: str },
  { key: 'ruleId', codec: str },
  { key: 'justification', codec: str },
  { key: 'createdAt', codec: str, optional: true },
];

// Format 2 = format 1 + a workload's write rate (last, so a format-1 row reads the same) + notes.
const WORKLOAD_V2: readonly Field[] = [
  ...WORKLOAD_V1,
  { key: 'writeRateMBps', codec: num, def: 0 },
];

/** Note positions are flattened to x, y fields while packing, like nodes'. */
const NOTE_V2: readonly Field[] = [
  { key: 'text', codec: str, def: '' },
  { key: 'x', codec: pixel },
  { key: 'y', codec: pixel },
  { key: 'targetId', codec: ref, optional: true },
];

/**
 * Preset DEFLATE dictionary of format 1: text that packed designs tend to repeat, so even the
 * first occurrence of an id prefix or a common label costs a back-reference. Most frequent last.
 */
const DICTIONARY_V1 = utf8Encode(
  [
    'Datastore',
    'Storage array',
    'Host cluster',
    'Spine ',
    'Leaf ',
    'ESX ',
    'Firewall',
    'Witness',
    'Border',
    'Web',
    'App',
    'DB',
    'VLAN ',
    '10.0.',
    '/24',
    'witness-',
    'firewall-',
    'array-',
    'border-',
    'vol-',
    'wl-',
    'seg-',
    'fabric-',
    'dci-',
    'cluster-',
    'esx-',
    'tor-',
    'leaf-',
    'spine-',
    'site-',
    '--',
    'dc1',
    'dc2',
    '",0,',
    ',[],',
    '"],[',
    '],[1,',
    '],[2,',
    '],[4,',
    '],[0,',
  ].join(''),
);

/** Format 2's dictionary: format 1's, and the id prefix of notes as the most frequent. */
const DICTIONARY_V2 = utf8Encode(`${utf8Decode(DICTIONARY_V1)}note-`);

// ---------------------------------------------------------------------------------------------
// Packing.

function same(a: Json, b: Json): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function packRecord(rec: Record<string, unknown>, fields: readonly Field[], ctx: PackContext) {
  if (typeof rec['id'] === 'string') ctx.currentId = rec['id'];
  const row: Json[] = fields.map((f) => {
    const value = rec[f.key];
    return value === undefined ? null : f.codec.pack(value, ctx);
  });
  let end = row.length;
  for (; end > 0; end--) {
    const f = fields[end - 1];
    const value = row[end - 1] ?? null;
    if (f === undefined) break;
    if (value === null && f.optional) continue;
    if (f.def !== undefined && same(value, f.codec.pack(f.def, ctx))) continue;
    break;
  }
  return row.slice(0, end);
}

function unpackRecord(
  row: Json,
  fields: readonly Field[],
  ctx: UnpackContext,
  prefix: readonly Json[] = [],
): Record<string, unknown> {
  if (!Array.isArray(row) || row.length - prefix.length > fields.length)
    throw new Damaged('a record has the wrong shape');
  const id = ctx.nextId();
  ctx.currentId = id;
  // Keys come from the frozen tables only, never from the payload.
  const out: Record<string, unknown> = { id };
  fields.forEach((f, i) => {
    const packed = row[prefix.length + i];
    if (packed === undefined || (packed === null && f.optional)) {
      if (f.def !== undefined) out[f.key] = structuredClone(f.def);
      else if (!f.optional) throw new Damaged(`a record lacks its ${f.key}`);
      return;
    }
    out[f.key] = f.codec.unpack(packed, ctx);
  });
  return out;
}

function idTable(design: Design): { ids: string[]; index: Map<string, number> } {
  const ids: string[] = [];
  for (const n of design.nodes) {
    ids.push(n.id);
    if (n.kind === 'array') for (const v of n.volumes) ids.push(v.id);
  }
  for (const l of design.links) ids.push(l.id);
  for (const s of design.segments) ids.push(s.id);
  for (const w of design.workloads) ids.push(w.id);
  for (const n of design.notes) ids.push(n.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  return { ids, index };
}

function packDesign(design: Design): Json {
  const { ids, index } = idTable(design);
  const ctx: PackContext = {
    currentId: '',
    ref(id) {
      let i = index.get(id);
      if (i === undefined) {
        // A dangling reference (the loader will report it) still survives the trip.
        i = ids.push(id) - 1;
        index.set(id, i);
      }
      return i;
    },
  };
  const nodes = design.nodes.map((n) => {
    const { position, ...rest } = n;
    const flat = { ...rest, x: position.x, y: position.y };
    return [NODE_KINDS_V1.indexOf(n.kind), ...packRecord(flat, DEVICE_FIELDS_V1[n.kind], ctx)];
  });
  const links = design.links.map((l) => [
    LINK_KINDS_V1.indexOf(l.kind),
    ...packRecord(l, LINK_FIELDS_V1[l.kind], ctx),
  ]);
  const segments = design.segments.map((s) => packRecord(s, SEGMENT_V1, ctx));
  const workloads = design.workloads.map((w) => packRecord(w, WORKLOAD_V2, ctx));
  const waivers = design.waivers.map((w) => packRecord(w, WAIVER_V1, ctx));
  const notes = design.notes.map((n) => {
    const { position, ...rest } = n;
    return packRecord({ ...rest, x: position.x, y: position.y }, NOTE_V2, ctx);
  });
  const packed: Json[] = [
    design.name,
    packRecord(design.settings, SETTINGS_V1, ctx),
    ids,
    nodes,
    links,
    segments,
    workloads,
    waivers,
    notes,
  ];
  while (packed.length > 3 && same(packed[packed.length - 1] ?? null, [])) packed.pop();
  return packed;
}

/** What one link format packs differently from another (everything else is shared). */
interface PackedTables {
  readonly schemaVersion: number;
  readonly workload: readonly Field[];
  /** Format 2 packs notes after the waivers. */
  readonly notes: boolean;
}

const unpackDesignV1 = (packed: Json) =>
  unpackDesign(packed, { schemaVersion: 1, workload: WORKLOAD_V1, notes: false });
const unpackDesignV2 = (packed: Json) =>
  unpackDesign(packed, { schemaVersion: 2, workload: WORKLOAD_V2, notes: true });

function unpackDesign(packed: Json, tables: PackedTables): Record<string, unknown> {
  const maxLength = tables.notes ? 9 : 8;
  if (!Array.isArray(packed) || packed.length < 3 || packed.length > maxLength)
    throw new Damaged('it does not hold a design');
  const [designName, settings, ids, nodes = [], links = [], segments = [], workloads = []] = packed;
  const waivers = packed[7] ?? [];
  const notes = packed[8] ?? [];
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string'))
    throw new Damaged('its id table is damaged');
  let cursor = 0;
  const ctx: UnpackContext = {
    ids,
    currentId: '',
    nextId() {
      const id = ids[cursor++];
      if (id === undefined) throw new Damaged('its id table is too short');
      return id;
    },
  };
  const list = (value: Json | undefined): Json[] => {
    if (!Array.isArray(value)) throw new Damaged('a list is damaged');
    return value;
  };
  const kindOf = <K extends string>(row: Json, kinds: readonly K[]): K => {
    const k = Array.isArray(row) && typeof row[0] === 'number' ? kinds[row[0]] : undefined;
    if (k === undefined) throw new Damaged('an element has an unknown kind');
    return k;
  };
  const unpackedNodes = list(nodes).map((row) => {
    const kind = kindOf(row, NODE_KINDS_V1);
    const { x, y, ...rest } = unpackRecord(row, DEVICE_FIELDS_V1[kind], ctx, [0]);
    return { ...rest, kind, position: { x, y } };
  });
  const unpackedLinks = list(links).map((row) => {
    const kind = kindOf(row, LINK_KINDS_V1);
    return { ...unpackRecord(row, LINK_FIELDS_V1[kind], ctx, [0]), kind };
  });
  const record = (fields: readonly Field[]) => (row: Json) => unpackRecord(row, fields, ctx);
  const unpackedSegments = list(segments).map(record(SEGMENT_V1));
  const unpackedWorkloads = list(workloads).map(record(tables.workload));
  const unpackedNotes = list(notes).map((row) => {
    const { x, y, ...rest } = unpackRecord(row, NOTE_V2, ctx);
    return { ...rest, position: { x, y } };
  });
  // Waivers and settings have no id: give them a context that never consumes the table.
  const noIds: UnpackContext = { ids, currentId: '', nextId: () => '' };
  const withoutId = (row: Json, fields: readonly Field[]) => {
    const { id: _id, ...rest } = unpackRecord(row, fields, noIds);
    return rest;
  };
  return {
    version: tables.schemaVersion,
    name: str.unpack(designName ?? null, ctx),
    settings: withoutId(settings ?? null, SETTINGS_V1),
    nodes: unpackedNodes,
    links: unpackedLinks,
    segments: unpackedSegments,
    workloads: unpackedWorkloads,
    waivers: list(waivers).map((row) => withoutId(row, WAIVER_V1)),
    ...(tables.notes ? { notes: unpackedNotes } : {}),
  };
}

interface LinkFormat {
  readonly dictionary: Uint8Array;
  /** The compressed bytes end with the CRC-32 of the packed JSON (format 2 on). */
  readonly checksum: boolean;
  readonly unpack: (packed: Json) => Record<string, unknown>;
}

/** Every link format ever published (each unpacks to the schema version it was made for). */
const LINK_FORMATS: Readonly<Record<number, LinkFormat>> = {
  1: { dictionary: DICTIONARY_V1, checksum: false, unpack: unpackDesignV1 },
  2: { dictionary: DICTIONARY_V2, checksum: true, unpack: unpackDesignV2 },
};

const CHECKSUM_BYTES = 4;

// ---------------------------------------------------------------------------------------------
// The public codec.

/**
 * The fragment for a share link, without the `#`: `d=2.…` (edit) or `v=2.…` (view-only).
 * The design goes through toDocument first, so no transient editor state leaks into a link.
 */
export function encodeLink(design: Design, options: { viewOnly?: boolean } = {}): string {
  const link = encodePackedLink(packDesign(toDocument(design)));
  return options.viewOnly ? `v${link.slice(1)}` : link;
}

/**
 * Encode an already packed payload as a link fragment. For tests and fixtures that need a link
 * no encoder would write (damaged records, hostile keys); the studio itself uses encodeLink.
 */
export function encodePackedLink(packed: unknown, format: number = CURRENT_LINK_FORMAT): string {
  const spec = LINK_FORMATS[format] ?? LINK_FORMATS[CURRENT_LINK_FORMAT];
  const json = utf8Encode(JSON.stringify(packed));
  const compressed = deflateSync(json, { level: 9, dictionary: spec?.dictionary ?? DICTIONARY_V2 });
  if (!spec?.checksum) return `d=${format}.${base64Encode(compressed)}`;
  const out = new Uint8Array(compressed.length + CHECKSUM_BYTES);
  out.set(compressed);
  new DataView(out.buffer).setUint32(compressed.length, crc32(json));
  return `d=${format}.${base64Encode(out)}`;
}

/** The packed form of a design (the current link format), as encodeLink compresses it. */
export function packDesignForLink(design: Design): unknown {
  return packDesign(toDocument(design));
}

/** A full share URL: `base` (any URL; its own fragment is replaced) + `#` + the fragment. */
export function shareUrl(base: string, design: Design, options: { viewOnly?: boolean } = {}) {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${encodeLink(design, options)}`;
}

function damaged(reason: string): LinkLoadResult {
  return { ok: false, error: { kind: 'corrupt', message: `This link is damaged: ${reason}.` } };
}

/** A format-2 link whose checksum does not hold: the one message for a changed or cut link. */
function changedOrCut(): LinkLoadResult {
  return {
    ok: false,
    error: {
      kind: 'corrupt',
      message:
        'This link was changed or cut: its checksum does not match. Copy the whole link again from where it was shared.',
    },
  };
}

/**
 * Find the payload in a whole URL, a fragment (`#d=…`), `d=…` / `v=…`, or a bare `1.…`.
 * Returns null when the text is not a DCI Studio link at all.
 */
export function parseLinkFragment(input: string): { mode: LinkMode; payload: string } | null {
  let text = input.trim();
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(hash + 1);
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Not percent-encoded after all; read it as it is.
    }
  }
  for (const part of text.split('&')) {
    if (part.startsWith('d=')) return { mode: 'edit', payload: part.slice(2) };
    if (part.startsWith('v=')) return { mode: 'view', payload: part.slice(2) };
  }
  if (/^\d+\.[A-Za-z0-9_-]*$/u.test(text)) return { mode: 'edit', payload: text };
  return null;
}

/**
 * Decode a share link (whole URL or fragment) → migrate → validate, through loadDocument.
 * Never throws: damage, a newer format, a foreign link and oversize input are values.
 */
export function decodeLink(fragmentOrUrl: string): LinkLoadResult {
  try {
    return decode(fragmentOrUrl);
  } catch (error) {
    return damaged(error instanceof Error ? error.message : 'it cannot be read');
  }
}

function decode(fragmentOrUrl: string): LinkLoadResult {
  if (fragmentOrUrl.length > MAX_LINK_CHARS)
    return {
      ok: false,
      error: {
        kind: 'too-large',
        message: `This link is too large (${fragmentOrUrl.length.toLocaleString('en-US')} characters; the limit is ${MAX_LINK_CHARS.toLocaleString('en-US')}).`,
      },
    };
  const found = parseLinkFragment(fragmentOrUrl);
  const match = found && /^(\d{1,6})\.(.*)$/su.exec(found.payload);
  if (!found || !match)
    return {
      ok: false,
      error: { kind: 'not-a-design', message: 'This is not a DCI Studio link.' },
    };
  const formatNumber = Number(match[1]);
  const format = LINK_FORMATS[formatNumber];
  if (!format) {
    if (formatNumber > CURRENT_LINK_FORMAT)
      return {
        ok: false,
        error: {
          kind: 'too-new',
          version: formatNumber,
          message: `This link was made by a newer version of DCI Studio (link format ${formatNumber}; this studio reads up to ${CURRENT_LINK_FORMAT}).`,
        },
      };
    return {
      ok: false,
      error: { kind: 'not-a-design', message: 'This is not a DCI Studio link.' },
    };
  }
  const data = match[2] ?? '';
  const decoded = base64Decode(data);
  if (!decoded) {
    // Only link characters, yet not whole bytes: the link was cut (format 2 says so plainly).
    if (format.checksum && /^[A-Za-z0-9_-]*$/u.test(data)) return changedOrCut();
    return damaged('it contains characters that do not belong in a link');
  }
  if (decoded.length === 0) return damaged('it is empty (the link may have been cut short)');
  let bytes = decoded;
  let expectedCrc: number | null = null;
  if (format.checksum) {
    if (decoded.length <= CHECKSUM_BYTES) return changedOrCut();
    bytes = decoded.subarray(0, decoded.length - CHECKSUM_BYTES);
    expectedCrc = new DataView(decoded.buffer, decoded.byteOffset).getUint32(bytes.length);
  }
  let inflated: Uint8Array;
  try {
    inflated = inflateCapped(bytes, MAX_LINK_INFLATED_BYTES, 'raw', format.dictionary);
  } catch (error) {
    if (error instanceof TooLargeError)
      return {
        ok: false,
        error: {
          kind: 'too-large',
          message: `This link is too large: it expands beyond ${MAX_LINK_INFLATED_BYTES.toLocaleString('en-US')} bytes.`,
        },
      };
    if (format.checksum) return changedOrCut();
    return damaged('it is truncated or corrupted (the link may have been cut short)');
  }
  if (expectedCrc !== null && crc32(inflated) !== expectedCrc) return changedOrCut();
  let packed: Json;
  try {
    packed = JSON.parse(utf8Decode(inflated)) as Json;
  } catch {
    return damaged('its content is not readable (the link may have been cut short)');
  }
  let doc: Record<string, unknown>;
  try {
    doc = format.unpack(packed);
  } catch (error) {
    return damaged(error instanceof Damaged ? error.message : 'its content is malformed');
  }
  const result: LoadResult = loadDocument(doc);
  if (!result.ok) {
    if (result.error.kind === 'invalid')
      return {
        ok: false,
        error: { ...result.error, message: `This link is damaged: ${result.error.message}` },
      };
    return result;
  }
  return { ok: true, design: result.design, mode: found.mode, warnings: result.warnings };
}
