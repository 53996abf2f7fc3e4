/**
 * Reads a V8 heap snapshot (the JSON `HeapProfiler.takeHeapSnapshot` streams) and tells what
 * holds the memory: retained size per constructor or closure, the largest single retainers with
 * the chain of objects that keeps each alive, and the largest strings. Used by
 * `npm run bench:ui:profile -- --heap`; a tool to find causes, not a figure (those are in
 * `npm run bench:ui`).
 */

interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface HeapGraph {
  count: number;
  type: string[];
  name: string[];
  selfSize: Float64Array;
  /** Edges of node i: firstEdge[i] .. firstEdge[i + 1] - 1 in edgeTo / edgeType / edgeName. */
  firstEdge: Uint32Array;
  edgeTo: Uint32Array;
  edgeType: string[];
  edgeName: string[];
}

/** a[i]++ for a typed array, returning the value before. */
function bump(a: Uint32Array, i: number): number {
  const v = a[i] ?? 0;
  a[i] = v + 1;
  return v;
}

export function parseSnapshot(json: string): HeapGraph {
  const raw = JSON.parse(json) as RawSnapshot;
  const { meta } = raw.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nType = meta.node_fields.indexOf('type');
  const nName = meta.node_fields.indexOf('name');
  const nSelf = meta.node_fields.indexOf('self_size');
  const nEdges = meta.node_fields.indexOf('edge_count');
  const eType = meta.edge_fields.indexOf('type');
  const eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = raw.nodes.length / nf;
  const type: string[] = new Array<string>(count);
  const name: string[] = new Array<string>(count);
  const selfSize = new Float64Array(count);
  const firstEdge = new Uint32Array(count + 1);
  const edgeCount = raw.edges.length / ef;
  const edgeTo = new Uint32Array(edgeCount);
  const edgeType: string[] = new Array<string>(edgeCount);
  const edgeName: string[] = new Array<string>(edgeCount);
  let e = 0;
  for (let i = 0; i < count; i++) {
    const at = i * nf;
    type[i] = nodeTypes[raw.nodes[at + nType] ?? 0] ?? '?';
    name[i] = raw.strings[raw.nodes[at + nName] ?? 0] ?? '';
    selfSize[i] = raw.nodes[at + nSelf] ?? 0;
    firstEdge[i] = e;
    const n = raw.nodes[at + nEdges] ?? 0;
    for (let k = 0; k < n; k++, e++) {
      const et = edgeTypes[raw.edges[e * ef + eType] ?? 0] ?? '?';
      const nameOrIndex = raw.edges[e * ef + eName] ?? 0;
      edgeType[e] = et;
      edgeName[e] =
        et === 'element' || et === 'hidden'
          ? `[${nameOrIndex}]`
          : (raw.strings[nameOrIndex] ?? String(nameOrIndex));
      edgeTo[e] = (raw.edges[e * ef + eTo] ?? 0) / nf;
    }
  }
  firstEdge[count] = e;
  return { count, type, name, selfSize, firstEdge, edgeTo, edgeType, edgeName };
}

/**
 * Immediate dominators from node 0 (the snapshot's root), ignoring weak edges, by Cooper,
 * Harvey and Kennedy's iterative algorithm over a reverse postorder. idom[root] = root;
 * unreachable nodes get -1.
 */
export function dominators(g: HeapGraph): Int32Array {
  const { count, firstEdge, edgeTo, edgeType } = g;
  const order = new Int32Array(count).fill(-1); // postorder number
  const post: number[] = [];
  const stack: number[] = [0];
  const next = new Uint32Array(count); // next edge to visit per node
  const visited = new Uint8Array(count);
  visited[0] = 1;
  for (let i = 0; i < count; i++) next[i] = firstEdge[i] ?? 0;
  while (stack.length > 0) {
    const v = stack[stack.length - 1] ?? 0;
    const end = firstEdge[v + 1] ?? 0;
    let pushed = false;
    while ((next[v] ?? 0) < end) {
      const e = bump(next, v);
      if (edgeType[e] === 'weak') continue;
      const w = edgeTo[e] ?? 0;
      if (!visited[w]) {
        visited[w] = 1;
        stack.push(w);
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      stack.pop();
      order[v] = post.length;
      post.push(v);
    }
  }
  // Predecessors of reachable nodes.
  const predCount = new Uint32Array(count + 1);
  for (let v = 0; v < count; v++) {
    if (!visited[v]) continue;
    for (let e = firstEdge[v] ?? 0; e < (firstEdge[v + 1] ?? 0); e++)
      if (edgeType[e] !== 'weak') bump(predCount, (edgeTo[e] ?? 0) + 1);
  }
  for (let i = 0; i < count; i++) predCount[i + 1] = (predCount[i + 1] ?? 0) + (predCount[i] ?? 0);
  const preds = new Uint32Array(predCount[count] ?? 0);
  const fill = predCount.slice(0, count);
  for (let v = 0; v < count; v++) {
    if (!visited[v]) continue;
    for (let e = firstEdge[v] ?? 0; e < (firstEdge[v + 1] ?? 0); e++)
      if (edgeType[e] !== 'weak') preds[bump(fill, edgeTo[e] ?? 0)] = v;
  }
  const idom = new Int32Array(count).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while ((order[a] ?? 0) < (order[b] ?? 0)) a = idom[a] ?? 0;
      while ((order[b] ?? 0) < (order[a] ?? 0)) b = idom[b] ?? 0;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let i = post.length - 1; i >= 0; i--) {
      const v = post[i] ?? 0;
      if (v === 0) continue;
      let d = -1;
      for (let p = predCount[v] ?? 0; p < (predCount[v + 1] ?? 0); p++) {
        const u = preds[p] ?? 0;
        if (idom[u] === -1) continue;
        d = d === -1 ? u : intersect(u, d);
      }
      if (d !== -1 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  return idom;
}

/**
 * Whether a node is in V8's heap, which is what bench:ui's figure reads (Runtime.getHeapUsage's
 * usedSize): a snapshot also holds Blink's objects (type native: documents, style engines,
 * DOM nodes), which are in a heap of their own. Counted in, the studio's 16 kind-icon SVG
 * documents (each an image's page, 268 KB) looked like a cause of that figure; an A/B build
 * without the icons moved it by 0.04 MB of 11.
 */
export function inJsHeap(g: HeapGraph, i: number): boolean {
  const t = g.type[i];
  return t !== 'native' && t !== 'synthetic';
}

/** How the summary groups a node: by constructor for objects, by name for closures. */
export function classOf(g: HeapGraph, i: number): string {
  const t = g.type[i] ?? '?';
  const n = g.name[i] ?? '';
  switch (t) {
    case 'object': {
      // Plain objects by their first property names: a design node, a flow node, a route.
      if (n.startsWith('system / Context')) return '(closure context)';
      if (n.startsWith('system / ')) return '(system)';
      if (n !== 'Object') return n.split(' ')[0] || '(object)';
      const keys: string[] = [];
      for (let e = g.firstEdge[i] ?? 0; e < (g.firstEdge[i + 1] ?? 0) && keys.length < 5; e++)
        if (g.edgeType[e] === 'property' && g.edgeName[e] !== '__proto__')
          keys.push(g.edgeName[e] ?? '');
      return `{${keys.join(',')}}`;
    }
    case 'native':
      return n.split(' ')[0] || '(native)';
    case 'closure':
      return `${n || '(anonymous)'}()`;
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return '(string)';
    case 'array':
      return n.startsWith('(') ? n : '(array)';
    case 'hidden':
      return n.startsWith('system / Context') ? '(closure context)' : '(system)';
    case 'object shape':
      return '(system)';
    case 'code':
      return '(compiled code)';
    default:
      return `(${t})`;
  }
}

export interface HeapReport {
  /** The JS heap's objects reachable from the roots: what bench:ui's row reads, near enough. */
  total: number;
  byClass: { name: string; count: number; self: number; retained: number }[];
  retainers: { path: string; retained: number }[];
  /** Variables of modules and closures (their contexts), by what they alone retain. */
  variables: { name: string; retained: number }[];
  strings: { text: string; size: number }[];
  /**
   * Per loaded script: its source and its compiled code (bytecode, JIT code, function infos):
   * what a chunk loaded at open costs. The source is held outside the used-heap figure bench:ui
   * reads (escaping chunks to ASCII halved it here but moved that figure by < 0.1 MB at 3,000).
   */
  scripts: { url: string; source: number; code: number }[];
}

/**
 * Each script's source and compiled code, largest first. A script's code is every code object
 * (bytecode, JIT code, feedback, function infos) found within four references of one of its
 * functions (its SharedFunctionInfo, or a closure of it), walking references backwards: JIT
 * code hangs off a Code object, not off the function info, and was left out (at 1,000
 * elements the studio's main chunk showed 108 KB of its 2.6 MB).
 */
export function scriptSizes(g: HeapGraph): HeapReport['scripts'] {
  const edgesOf = function* (i: number): Generator<[string, number]> {
    for (let e = g.firstEdge[i] ?? 0; e < (g.firstEdge[i + 1] ?? 0); e++)
      yield [g.edgeName[e] ?? '', g.edgeTo[e] ?? 0];
  };
  const scriptOf = (i: number): number => {
    for (const [name, to] of edgesOf(i)) if (name === 'script') return to;
    return -1;
  };
  // References backwards: inEdges[inStart[v] .. inStart[v + 1] - 1] are the nodes holding v.
  const inStart = new Uint32Array(g.count + 1);
  for (let e = 0; e < g.edgeTo.length; e++) bump(inStart, (g.edgeTo[e] ?? 0) + 1);
  for (let i = 0; i < g.count; i++) inStart[i + 1] = (inStart[i + 1] ?? 0) + (inStart[i] ?? 0);
  const holders = new Uint32Array(g.edgeTo.length);
  const fill = inStart.slice(0, g.count);
  for (let v = 0; v < g.count; v++)
    for (let e = g.firstEdge[v] ?? 0; e < (g.firstEdge[v + 1] ?? 0); e++)
      holders[bump(fill, g.edgeTo[e] ?? 0)] = v;
  /** The script of the nearest function info or closure holding code node i, or -1. */
  const ownerScript = (i: number): number => {
    let frontier = [i];
    for (let depth = 0; depth <= 4 && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const v of frontier) {
        const script = g.type[v] === 'code' ? scriptOf(v) : -1;
        if (script >= 0) return script;
        if (g.type[v] === 'closure')
          for (const [name, to] of edgesOf(v)) if (name === 'shared') return scriptOf(to);
        if (depth < 4)
          for (let k = inStart[v] ?? 0; k < (inStart[v + 1] ?? 0); k++) next.push(holders[k] ?? 0);
      }
      frontier = next.length > 64 ? next.slice(0, 64) : next;
    }
    return -1;
  };
  const code = new Map<number, number>(); // script node → bytes of its functions' code
  for (let i = 0; i < g.count; i++) {
    if (g.type[i] !== 'code') continue;
    const script = ownerScript(i);
    if (script >= 0) code.set(script, (code.get(script) ?? 0) + (g.selfSize[i] ?? 0));
  }
  const rows: HeapReport['scripts'] = [];
  for (const [script, bytes] of code) {
    let url = '';
    let source = 0;
    for (const [name, to] of edgesOf(script)) {
      if (name === 'name') url = g.name[to] ?? '';
      if (name !== 'source') continue;
      source += g.selfSize[to] ?? 0;
      for (const [, part] of edgesOf(to)) source += g.selfSize[part] ?? 0; // a cons string's parts
    }
    rows.push({ url: url.replace(/^[a-z]+:\/\/[^/]*/u, '') || '(no url)', source, code: bytes });
  }
  return rows.sort((a, b) => b.source + b.code - a.source - a.code);
}

/** The summary: per-class sizes, the largest retainers and their dominator chains. */
export function analyze(g: HeapGraph, top = 25): HeapReport {
  const idom = dominators(g);
  const { count, selfSize } = g;
  // Retained sizes: children before parents, so walk a postorder of the dominator tree.
  const childStart = new Uint32Array(count + 1);
  for (let v = 1; v < count; v++) if ((idom[v] ?? -1) >= 0) bump(childStart, (idom[v] ?? 0) + 1);
  for (let i = 0; i < count; i++)
    childStart[i + 1] = (childStart[i + 1] ?? 0) + (childStart[i] ?? 0);
  const children = new Uint32Array(childStart[count] ?? 0);
  const fill = childStart.slice(0, count);
  for (let v = 1; v < count; v++) if ((idom[v] ?? -1) >= 0) children[bump(fill, idom[v] ?? 0)] = v;
  const retained = new Float64Array(count);
  const classes = new Array<string>(count);
  for (let i = 0; i < count; i++) classes[i] = classOf(g, i);
  // Iterative DFS over the dominator tree; a class's retained size counts only its outermost
  // members (one holding another of the same class is not counted twice).
  const perClass = new Map<string, { count: number; self: number; retained: number }>();
  const onStack = new Map<string, number>();
  const stack: number[] = [0];
  const cursor = new Uint32Array(count);
  const entered: number[] = [];
  for (let i = 0; i < count; i++) cursor[i] = childStart[i] ?? 0;
  while (stack.length > 0) {
    const v = stack[stack.length - 1] ?? 0;
    if (cursor[v] === childStart[v]) {
      // entering
      const c = classes[v] ?? '?';
      onStack.set(c, (onStack.get(c) ?? 0) + 1);
      entered.push(v);
    }
    if ((cursor[v] ?? 0) < (childStart[v + 1] ?? 0)) {
      stack.push(children[bump(cursor, v)] ?? 0);
      continue;
    }
    stack.pop();
    let r = inJsHeap(g, v) ? (selfSize[v] ?? 0) : 0;
    for (let k = childStart[v] ?? 0; k < (childStart[v + 1] ?? 0); k++)
      r += retained[children[k] ?? 0] ?? 0;
    retained[v] = r;
    const c = classes[v] ?? '?';
    const depth = (onStack.get(c) ?? 1) - 1;
    onStack.set(c, depth);
    const row = perClass.get(c) ?? { count: 0, self: 0, retained: 0 };
    if (inJsHeap(g, v)) {
      row.count++;
      row.self += selfSize[v] ?? 0;
    }
    if (depth === 0) row.retained += r;
    perClass.set(c, row);
  }
  const total = retained[0] ?? 0;
  perClass.delete(classes[0] ?? '');
  const byClass = [...perClass.entries()]
    .map(([name, row]) => ({ name, ...row }))
    // Blink's own objects are not in the figure bench:ui reads (see inJsHeap).
    .filter((r) => r.count > 0)
    .sort((a, b) => b.retained - a.retained)
    .slice(0, top);

  // The largest retainers below the roots and the window: each with the chain that holds it.
  const label = (i: number) => {
    const c = classes[i] ?? '?';
    return c === '(string)' ? `"${(g.name[i] ?? '').slice(0, 40)}"` : c;
  };
  const edgeFrom = (parent: number, child: number) => {
    for (let e = g.firstEdge[parent] ?? 0; e < (g.firstEdge[parent + 1] ?? 0); e++)
      if (g.edgeTo[e] === child) return g.edgeName[e] ?? '';
    return '~';
  };
  const depthOf = (i: number) => {
    let d = 0;
    for (let v = i; v !== 0 && d < 1000; v = idom[v] ?? 0) d++;
    return d;
  };
  const candidates: number[] = [];
  for (let i = 1; i < count; i++) {
    const t = g.type[i];
    if (!inJsHeap(g, i) || t === 'hidden' || t === 'code') continue;
    if ((retained[i] ?? 0) > total * 0.004 && depthOf(i) >= 3) candidates.push(i);
  }
  // Keep a node only if no kept node below it retains nearly all of it (the innermost holder).
  candidates.sort((a, b) => (retained[b] ?? 0) - (retained[a] ?? 0));
  const retainers = candidates
    .filter((v) => {
      let best = 0;
      for (let k = childStart[v] ?? 0; k < (childStart[v + 1] ?? 0); k++)
        best = Math.max(best, retained[children[k] ?? 0] ?? 0);
      return best < (retained[v] ?? 0) * 0.8;
    })
    .slice(0, top)
    .map((v) => {
      // The holder first, then what holds it, each with the field or variable it is held by.
      const chain: string[] = [];
      for (let u = v; u !== 0 && chain.length < 7; u = idom[u] ?? 0) {
        const p = idom[u] ?? 0;
        if (g.type[p] === 'synthetic') break;
        chain.push(`${label(u)} .${edgeFrom(p, u)}`);
      }
      return { path: chain.join(' ← '), retained: retained[v] ?? 0 };
    });

  const variables: { name: string; retained: number }[] = [];
  for (let v = 0; v < count; v++) {
    if (classes[v] !== '(closure context)') continue;
    for (let e = g.firstEdge[v] ?? 0; e < (g.firstEdge[v + 1] ?? 0); e++) {
      const c = g.edgeTo[e] ?? 0;
      if (g.edgeType[e] !== 'context' || idom[c] !== v) continue;
      if ((retained[c] ?? 0) > 50_000)
        variables.push({ name: `${g.edgeName[e] ?? ''}: ${label(c)}`, retained: retained[c] ?? 0 });
    }
  }
  variables.sort((a, b) => b.retained - a.retained);

  const strings: { text: string; size: number }[] = [];
  for (let i = 0; i < count; i++)
    if (classes[i] === '(string)' && (selfSize[i] ?? 0) > 20_000)
      strings.push({ text: (g.name[i] ?? '').slice(0, 80), size: selfSize[i] ?? 0 });
  strings.sort((a, b) => b.size - a.size);
  return {
    total,
    byClass,
    retainers,
    variables: variables.slice(0, top),
    strings: strings.slice(0, 10),
    scripts: scriptSizes(g).slice(0, top),
  };
}

export function printReport(label: string, r: HeapReport): void {
  const kb = (b: number) => `${(b / 1024).toFixed(0).padStart(7)} KB`;
  console.log(`\n## heap: ${label}: ${(r.total / 1e6).toFixed(1)} MB in the JS heap`);
  console.log('-- by constructor / closure (retained · self · count)');
  for (const c of r.byClass)
    console.log(`  ${kb(c.retained)} ${kb(c.self)} ${String(c.count).padStart(7)}  ${c.name}`);
  console.log('-- largest retainers (innermost holder, with what holds it)');
  for (const h of r.retainers) console.log(`  ${kb(h.retained)}  ${h.path}`);
  console.log('-- variables of modules and closures (what each alone retains)');
  for (const v of r.variables) console.log(`  ${kb(v.retained)}  ${v.name}`);
  if (r.strings.length > 0) {
    console.log('-- strings over 20 KB');
    for (const s of r.strings) console.log(`  ${kb(s.size)}  ${JSON.stringify(s.text)}`);
  }
  console.log('-- scripts (source · compiled code)');
  for (const s of r.scripts) console.log(`  ${kb(s.source)} ${kb(s.code)}  ${s.url}`);
}
