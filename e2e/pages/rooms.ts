/**
 * Live rooms for the e2e specs: the processes a room needs (a Redis and room server instances
 * on the test ports, started and stopped by the spec itself) and a page object for the room bar.
 */
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAvailable, startTestRedis } from '../../server/testRedis';
import { StudioPage } from './studio';

/** Test ports: never the defaults (1234, 6379) another room server or Redis may be using. */
export const ROOMS_PORT = Number(process.env['ROOMS_PORT'] ?? 1237);
export const ROOMS_PORT_2 = Number(process.env['ROOMS_PORT_2'] ?? 1238);
export const REDIS_PORT = Number(process.env['REDIS_TEST_PORT'] ?? 6397);

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not come up in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

export class RoomServers {
  private readonly dir = mkdtempSync(join(tmpdir(), 'dci-rooms-e2e-'));
  private redis: ChildProcess | null = null;
  private readonly servers = new Map<number, ChildProcess>();

  get redisUrl(): string {
    return `redis://127.0.0.1:${REDIS_PORT}`;
  }

  static redisAvailable(): boolean {
    return redisAvailable();
  }

  async startRedis(): Promise<void> {
    this.redis = await startTestRedis(REDIS_PORT);
  }

  /** Start a room server instance on `port` (sharing the rooms file and Redis). */
  async start(port: number): Promise<void> {
    // One process (node with tsx's loader), so stopping it stops the server itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        ROOMS_PORT: String(port),
        ROOMS_DB: join(this.dir, 'rooms.sqlite'),
        ...(this.redis ? { REDIS_URL: this.redisUrl } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.servers.set(port, child);
    await waitForHttp(`http://127.0.0.1:${port}/`, 30_000);
  }

  /** Stop an instance: `SIGKILL` is a crash (nothing flushed), `SIGTERM` a clean stop. */
  async stop(port: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.servers.get(port);
    if (!child) return;
    this.servers.delete(port);
    child.kill(signal);
    await waitForExit(child);
  }

  async stopAll(): Promise<void> {
    for (const port of [...this.servers.keys()]) await this.stop(port);
    if (this.redis) {
      this.redis.kill('SIGTERM');
      await waitForExit(this.redis);
      this.redis = null;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const openContexts = new Set<BrowserContext>();

/** Close every member's browser profile (after each test: they leave their rooms). */
export async function closeMembers(): Promise<void> {
  for (const context of [...openContexts]) {
    openContexts.delete(context);
    await context.close();
  }
}

/** A person in their own browser profile (own storage, own tab). */
export class Member {
  readonly studio: StudioPage;
  constructor(readonly page: Page) {
    this.studio = new StudioPage(page);
  }

  static async open(browser: Browser): Promise<Member> {
    const { baseURL, viewport } = test.info().project.use;
    const context = await browser.newContext({
      ...(baseURL ? { baseURL } : {}),
      ...(viewport ? { viewport } : {}),
    });
    openContexts.add(context);
    const member = new Member(await context.newPage());
    await member.studio.open();
    return member;
  }

  get bar(): Locator {
    return this.page.getByTestId('room.bar');
  }
  get refusal(): Locator {
    return this.page.getByTestId('room.refusal');
  }

  async expectLive(): Promise<void> {
    await expect(this.bar).toHaveAttribute('data-status', 'connected', { timeout: 20_000 });
  }

  /** Start a room from the share dialog; returns its edit and view links. */
  async startRoom(): Promise<{ edit: string; view: string }> {
    await this.page.getByTestId('toolbar.copy-link').click();
    await this.page.getByTestId('share.start-room').click();
    const edit = await this.page.getByTestId('share.room-edit-link').inputValue();
    const view = await this.page.getByTestId('share.room-view-link').inputValue();
    await this.page.keyboard.press('Escape');
    await this.expectLive();
    return { edit, view };
  }

  /** Open a room link (its fragment), optionally on another room server. */
  async join(link: string, server?: string): Promise<void> {
    const hash = new URL(link).hash + (server ? `&server=${encodeURIComponent(server)}` : '');
    await this.page.goto(`/${hash}`);
    await this.expectLive();
  }

  /** Rename a node through the inspector (one field of one element). */
  async rename(id: string, label: string): Promise<void> {
    await this.studio.select(id);
    await this.studio.setField('label', label);
  }

  label(id: string): Locator {
    return this.studio.node(id);
  }

  /** An element's label in this member's copy of the room document (not the canvas). */
  async roomLabel(id: string): Promise<unknown> {
    return this.page.evaluate((nodeId) => {
      type YMap = { get(key: string): unknown };
      const room = (window as unknown as { dciRoom?: { doc: { getMap(n: string): YMap } } })
        .dciRoom;
      const node = room?.doc.getMap('nodes').get(nodeId) as YMap | undefined;
      return node?.get('label');
    }, id);
  }

  /** Move the pointer over the canvas (so the room sees my cursor). */
  async wave(): Promise<void> {
    const box = await this.studio.canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await this.page.mouse.move(box.x + box.width / 2, box.y + 60);
    await this.page.mouse.move(box.x + box.width / 2 + 30, box.y + 90, { steps: 4 });
  }

  /** Act as a hostile or buggy client: write to the room's document directly. */
  async writeToDocument(script: string): Promise<void> {
    await this.page.evaluate((body) => {
      const room = (window as unknown as { dciRoom?: { doc: unknown } }).dciRoom;
      if (!room?.doc) throw new Error('not in a room');
      new Function('doc', body)(room.doc);
    }, script);
  }
}
