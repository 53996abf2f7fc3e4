/**
 * `npm run bench:collab`: many people in one live room, on loopback.
 *
 * Starts a room server (its own process, its own temporary rooms file, 127.0.0.1 only), opens
 * N clients on one room (the studio's own Yjs mapping and the Hocuspocus provider), and has
 * each one rename an element R times a second for S seconds. Prints the propagation latency
 * (from one client's edit to its arrival at each other client: p50, p95, p99, max), the server's
 * memory, and whether every client's final document equals the server's.
 * Bounded: it stops itself after S seconds plus a settle time. Options:
 *   --clients 50 --rate 5 --seconds 60 --port 1238
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newEditKey, roomIdFor, viewKeyFor } from '../src/collab/capability';
import { readRawDesign, writeDesign } from '../src/collab/ydesign';
import { TEMPLATES } from '../src/model/templates/index';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const CLIENTS = option('clients', 50);
const RATE = option('rate', 5);
const SECONDS = Math.min(option('seconds', 60), 600);
const PORT = option('port', Number(process.env['BENCH_ROOMS_PORT'] ?? 1238));
const SETTLE_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function startServer(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ROOMS_PORT: String(PORT),
      ROOMS_HOST: '127.0.0.1',
      ROOMS_DB: join(dir, 'rooms.sqlite'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const end = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error('the room server did not start');
    await sleep(150);
  }
  return child;
}

interface Client {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
}

function connect(room: string, key: string, doc = new Y.Doc()): Promise<Client> {
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${PORT}`,
    WebSocketPolyfill: WebSocket,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a client did not sync in 30 s')), 30_000);
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: room,
      document: doc,
      token: key,
      onSynced: () => {
        clearTimeout(timer);
        resolve({ doc, provider, socket });
      },
    });
    provider.attach();
  });
}

const dir = mkdtempSync(join(tmpdir(), 'dci-bench-collab-'));
const server = await startServer(dir);
const pid = server.pid ?? 0;
try {
  const editKey = newEditKey();
  const room = roomIdFor(viewKeyFor(editKey));
  const design = TEMPLATES[0]!.build();
  const nodeIds = design.nodes.filter((n) => n.kind !== 'site').map((n) => n.id);
  const idleMB = rssMB(pid);

  // The first client creates the room with a template; the others join it.
  const seedDoc = new Y.Doc();
  writeDesign(seedDoc, null, design, 'seed');
  const clients: Client[] = [await connect(room, editKey, seedDoc)];
  for (let i = 1; i < CLIENTS; i++) clients.push(await connect(room, editKey));
  const joinedMB = rssMB(pid);
  console.log(
    `${CLIENTS} clients in one room (${design.nodes.length} nodes, ${design.links.length} links), ` +
      `${RATE} edits/s each for ${SECONDS} s, server on 127.0.0.1:${PORT}`,
  );

  // Latency: when each edit was made, and when each other client first saw it.
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  clients.forEach((client, index) => {
    client.doc.getMap('nodes').observeDeep((events, tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent) || !(event.target instanceof Y.Map)) continue;
        for (const key of event.keysChanged) {
          if (key !== 'label') continue;
          const value = event.target.get('label');
          if (typeof value !== 'string' || !value.startsWith('b:')) continue;
          const t = sentAt.get(value);
          if (t !== undefined && !value.startsWith(`b:${index}:`)) latencies.push(now - t);
        }
      }
    });
  });

  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(rssMB(pid)), 1000);
  let sent = 0;
  const start = performance.now();
  const intervalMs = 1000 / RATE;
  const timers = clients.map((client, index) => {
    let seq = 0;
    // Spread the clients over the interval so the load is even.
    const tick = () => {
      if (performance.now() - start > SECONDS * 1000) return;
      const id = nodeIds[(index + seq * 7) % nodeIds.length]!;
      const value = `b:${index}:${seq++}`;
      sentAt.set(value, performance.now());
      const element = client.doc.getMap<Y.Map<unknown>>('nodes').get(id);
      element?.set('label', value);
      sent++;
    };
    return setTimeout(
      function loop() {
        tick();
        if (performance.now() - start <= SECONDS * 1000)
          timers[index] = setTimeout(loop, intervalMs);
      },
      (index / CLIENTS) * intervalMs,
    );
  });
  await sleep(SECONDS * 1000 + 200);
  timers.forEach((t) => clearTimeout(t));

  // Settle: wait until every client has the server's state (or the settle time ran out).
  const settleStart = performance.now();
  let observer: Client | null = null;
  let equal = false;
  let mismatched = 0;
  while (performance.now() - settleStart < SETTLE_MS) {
    await sleep(1000);
    observer?.provider.destroy();
    observer?.socket.destroy();
    // The server's document, as a fresh client receives it.
    observer = await connect(room, viewKeyFor(editKey));
    const serverJson = JSON.stringify(readRawDesign(observer.doc));
    const serverVector = Y.encodeStateVector(observer.doc).toString();
    mismatched = clients.filter(
      (c) =>
        JSON.stringify(readRawDesign(c.doc)) !== serverJson ||
        Y.encodeStateVector(c.doc).toString() !== serverVector,
    ).length;
    if (mismatched === 0) {
      equal = true;
      break;
    }
  }
  clearInterval(sampler);
  const settledMs = performance.now() - settleStart;

  latencies.sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const peak = Math.max(...memory.filter((m) => Number.isFinite(m)));
  console.log(
    `edits sent: ${sent} (${(sent / SECONDS).toFixed(0)}/s); deliveries measured: ${latencies.length}`,
  );
  console.log(
    `propagation latency: p50 ${f(percentile(latencies, 50))}, p95 ${f(percentile(latencies, 95))}, ` +
      `p99 ${f(percentile(latencies, 99))}, max ${f(latencies[latencies.length - 1] ?? NaN)}`,
  );
  console.log(
    `server memory (RSS): idle ${idleMB.toFixed(0)} MB, with ${CLIENTS} clients ${joinedMB.toFixed(0)} MB, ` +
      `peak under load ${peak.toFixed(0)} MB, at the end ${rssMB(pid).toFixed(0)} MB`,
  );
  console.log(
    equal
      ? `final documents: all ${CLIENTS} clients equal the server's (settled in ${(settledMs / 1000).toFixed(1)} s)`
      : `final documents: ${mismatched} of ${CLIENTS} clients DIFFER from the server's after ${(SETTLE_MS / 1000).toFixed(0)} s`,
  );
  observer?.provider.destroy();
  observer?.socket.destroy();
  for (const c of clients) {
    c.provider.destroy();
    c.socket.destroy();
  }
  if (!equal) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
