/**
 * A live room session (loaded on demand: Yjs and the provider never weigh on the first screen).
 *
 * - The room's Y.Doc is the shared design; the store stays the view the UI reads. A local edit
 *   is written to the document as a diff (one key per changed field) with the LOCAL origin; any
 *   other change (a colleague's, an undo, a reconnect merge) is decoded through the one loader
 *   and shown with `receive`.
 * - Per-user undo: a Y.UndoManager that tracks only the LOCAL origin, so my Ctrl+Z never undoes
 *   your edit.
 * - Presence: name, colour, cursor (flow coordinates) and selection in Yjs awareness.
 * - Offline: the document is kept in IndexedDB and the provider holds edits back; the sync sends
 *   them when the connection comes back (an edit is never sent ahead of what it builds on:
 *   provider.ts).
 * - Refusals: the server closes our connection to the room with a reason; we say why, keep what
 *   we had in Recent designs, and start again from the server's design.
 */
import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { Design } from '../model/schema';
import { notify } from '../store/ui';
import { roomIdFor, viewKeyFor } from './capability';
import { roomHistory } from './history';
import type { DesignHost } from './host';
import { decodeRefusal } from './limits';
import type { RoomLink } from './link';
import { OrderedProvider } from './provider';
import { PERSON_COLORS, useRoom, type Person } from './state';
import { isEmptyDoc, readDesign, reuseUnchanged, RoomUndo, writeDesign } from './ydesign';

/** Origin of this user's edits: the only one the undo manager tracks. */
const LOCAL = 'dci-local-edit';
/** Origin of the design a new room starts with (not undoable: it is not an edit). */
const SEED = 'dci-seed';
const CURSOR_INTERVAL_MS = 40;

export interface RoomOptions {
  readonly link: RoomLink;
  readonly serverUrl: string;
  /** The design a new room starts with (only when creating it). */
  readonly seed: Design | null;
  readonly host: DesignHost;
}

interface Connection {
  readonly doc: Y.Doc;
  provider: OrderedProvider;
  socket: HocuspocusProviderWebsocket;
  readonly persistence: IndexeddbPersistence | null;
  readonly undo: RoomUndo;
}

export class RoomSession {
  readonly roomId: string;
  private conn: Connection | null = null;
  /** The design the document and the store agree on (what the next local edit is diffed to). */
  private lastSynced: Design | null = null;
  /** The room's design has been shown: from now on local edits go to the room. */
  private joined = false;
  private unsubscribers: (() => void)[] = [];
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingCursor: { x: number; y: number } | null = null;
  private invalidNoticeShown = false;
  private left = false;

  constructor(private readonly options: RoomOptions) {
    const viewKey = options.link.role === 'edit' ? viewKeyFor(options.link.key) : options.link.key;
    this.roomId = roomIdFor(viewKey);
  }

  get role() {
    return this.options.link.role;
  }

  /** The document (for the studio's own debugging and the e2e tests' hostile-client checks). */
  get doc(): Y.Doc | null {
    return this.conn?.doc ?? null;
  }

  async start(): Promise<void> {
    const { host } = this.options;
    this.unsubscribers.push(
      host.onLocalEdit((next) => this.pushLocal(next)),
      host.onSelection((ids) => this.conn?.provider.setAwarenessField('selection', ids)),
      useRoom.subscribe((s, prev) => {
        if (s.me !== prev.me) this.conn?.provider.setAwarenessField('user', this.userState());
      }),
    );
    await this.connect(this.options.seed);
  }

  private userState() {
    const { me } = useRoom.getState();
    return { name: me.name, color: me.color, role: this.role };
  }

  private async connect(seed: Design | null): Promise<void> {
    const doc = new Y.Doc();
    let persistence: IndexeddbPersistence | null = null;
    if (typeof indexedDB !== 'undefined') {
      persistence = new IndexeddbPersistence(`dci-room:${this.roomId}`, doc);
      // What this browser kept of the room (edits made offline included), before the network.
      await Promise.race([
        persistence.whenSynced,
        new Promise((resolve) => setTimeout(resolve, 1500)),
      ]);
    }
    if (seed && isEmptyDoc(doc)) writeDesign(doc, null, seed, SEED);
    const undo = new RoomUndo(doc, LOCAL);
    const bump = () => useRoom.setState((s) => ({ historyVersion: s.historyVersion + 1 }));
    undo.manager.on('stack-item-added', bump);
    undo.manager.on('stack-item-popped', bump);
    undo.manager.on('stack-cleared', bump);

    this.conn = { doc, persistence, undo, ...this.openProvider(doc) };
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === LOCAL || tr.changed.size === 0) return;
      this.pull();
    });
    roomHistory.current =
      this.role === 'edit'
        ? {
            undo: () => this.stepHistory('undo'),
            redo: () => this.stepHistory('redo'),
            canUndo: () => this.conn?.undo.canUndo() ?? false,
            canRedo: () => this.conn?.undo.canRedo() ?? false,
          }
        : null;
    useRoom.setState({ status: 'connecting' });
    // Offline with a kept copy: show it now; the network merges in when it comes.
    if (!isEmptyDoc(doc)) this.pull();
  }

  private openProvider(doc: Y.Doc) {
    const socket = new HocuspocusProviderWebsocket({
      url: this.options.serverUrl,
      // Come back quickly after a server restart.
      delay: 300,
      minDelay: 300,
      factor: 1.5,
      maxDelay: 2500,
      maxAttempts: 0,
    });
    const provider = new OrderedProvider({
      websocketProvider: socket,
      name: this.roomId,
      document: doc,
      token: this.options.link.key,
      onStatus: ({ status }) => this.onStatus(status),
      onSynced: () => this.onSynced(),
      onClose: ({ event }) => this.onClose(event.reason),
      onAuthenticationFailed: ({ reason }) => this.onDenied(reason),
      onUnsyncedChanges: ({ number }) => useRoom.setState({ unsynced: number }),
      onAwarenessChange: () => this.updatePeople(),
    });
    provider.attach();
    provider.setAwarenessField('user', this.userState());
    provider.setAwarenessField('cursor', null);
    provider.setAwarenessField('selection', []);
    return { socket, provider };
  }

  /**
   * Sync again over a new connection, keeping the document: the server held back an update
   * that arrived before what it builds on; the sync sends everything in order.
   */
  private resync(): void {
    const conn = this.conn;
    if (!conn || this.left) return;
    conn.provider.destroy();
    conn.socket.destroy();
    Object.assign(conn, this.openProvider(conn.doc));
  }

  private stepHistory(which: 'undo' | 'redo'): void {
    const conn = this.conn;
    if (!conn) return;
    conn.undo[which]();
    this.pull();
  }

  /** The document changed from elsewhere: decode it and show it. */
  private pull(): void {
    const conn = this.conn;
    if (!conn || this.left) return;
    if (isEmptyDoc(conn.doc)) return;
    const result = readDesign(conn.doc);
    if (!result.ok) {
      // A merge the server will refuse (it checks every update): keep showing the last good one.
      if (!this.invalidNoticeShown) {
        this.invalidNoticeShown = true;
        notify('warning', `The room’s design is not valid right now: ${result.error.message}`);
      }
      return;
    }
    this.invalidNoticeShown = false;
    const { host } = this.options;
    if (!this.joined) {
      this.joined = true;
      this.lastSynced = result.design;
      host.open(result.design, this.role === 'view');
      useRoom.setState({
        status: conn.provider.isSynced ? 'connected' : useRoom.getState().status,
      });
      return;
    }
    const next = reuseUnchanged(host.design(), result.design);
    this.lastSynced = next;
    host.receive(next);
  }

  /** The user edited the design here: write the difference to the room. */
  private pushLocal(next: Design): void {
    const conn = this.conn;
    if (!conn || !this.joined || this.role !== 'edit' || next === this.lastSynced) return;
    writeDesign(conn.doc, this.lastSynced, next, LOCAL);
    this.lastSynced = next;
  }

  private onStatus(status: WebSocketStatus): void {
    if (this.left) return;
    if (status === WebSocketStatus.Disconnected) useRoom.setState({ status: 'offline' });
    else if (status === WebSocketStatus.Connecting && useRoom.getState().status !== 'offline')
      useRoom.setState({ status: 'connecting' });
  }

  private onSynced(): void {
    const conn = this.conn;
    if (!conn || this.left) return;
    if (isEmptyDoc(conn.doc)) {
      useRoom.setState({ status: 'waiting' });
      return;
    }
    this.pull();
    useRoom.setState({ status: 'connected' });
  }

  private onClose(reason: string | undefined): void {
    if (this.left) return;
    const refusal = decodeRefusal(reason);
    if (!refusal) return; // a dropped connection: the provider reconnects by itself
    if (refusal.refused === 'out-of-order') {
      this.resync();
      return;
    }
    useRoom.setState({ refusal });
    const { host } = this.options;
    const mine = host.design();
    // Our document holds the refused change: start again from the server's.
    void this.reconnectFresh();
    void (this.role === 'edit' ? host.keepCopy(mine) : Promise.resolve(false)).then((kept) =>
      notify(
        'error',
        `The room server refused your change: ${refusal.message}${kept ? ' Your version was kept in Recent designs.' : ''}`,
      ),
    );
  }

  private onDenied(reason: string): void {
    if (this.left) return;
    useRoom.setState({ status: 'denied' });
    notify(
      'error',
      `This link does not open a room on the room server (${reason || 'permission denied'}).`,
    );
  }

  private async reconnectFresh(): Promise<void> {
    const old = this.conn;
    this.conn = null;
    if (old) await this.teardown(old, true);
    if (this.left) return;
    // Keep showing the current design until the server's arrives; then it replaces it.
    this.joined = false;
    await this.connect(null);
  }

  private async teardown(conn: Connection, forget: boolean): Promise<void> {
    conn.undo.destroy();
    conn.provider.destroy();
    conn.socket.destroy();
    if (conn.persistence) {
      if (forget) await conn.persistence.clearData();
      else await conn.persistence.destroy();
    }
    conn.doc.destroy();
  }

  private updatePeople(): void {
    const conn = this.conn;
    if (!conn?.provider.awareness) return;
    const me = conn.doc.clientID;
    const people: Person[] = [];
    for (const [clientId, state] of conn.provider.awareness.getStates()) {
      if (clientId === me) continue;
      const user = state['user'] as { name?: unknown; color?: unknown; role?: unknown } | undefined;
      if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') continue;
      const cursor = state['cursor'] as { x?: unknown; y?: unknown } | null | undefined;
      const selection = state['selection'];
      people.push({
        clientId,
        name: user.name.slice(0, 40),
        color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#64748b',
        role: user.role === 'view' ? 'view' : 'edit',
        cursor:
          cursor && typeof cursor.x === 'number' && typeof cursor.y === 'number'
            ? { x: cursor.x, y: cursor.y }
            : null,
        selection: Array.isArray(selection)
          ? selection.filter((s): s is string => typeof s === 'string').slice(0, 500)
          : [],
      });
    }
    people.sort((a, b) => a.clientId - b.clientId);
    useRoom.setState({ people });
    // Two people with one colour cannot be told apart: the later one takes a free colour.
    const { me: mine } = useRoom.getState();
    if (people.some((p) => p.color === mine.color && p.clientId < me)) {
      const free = PERSON_COLORS.find((c) => !people.some((p) => p.color === c));
      if (free) useRoom.setState({ me: { ...mine, color: free } });
    }
  }

  /** Where my pointer is on the canvas (flow coordinates), or null when it left. */
  setCursor(point: { x: number; y: number } | null): void {
    const provider = this.conn?.provider;
    if (!provider) return;
    if (point === null) {
      if (this.cursorTimer) clearTimeout(this.cursorTimer);
      this.cursorTimer = null;
      this.pendingCursor = null;
      provider.setAwarenessField('cursor', null);
      return;
    }
    this.pendingCursor = { x: Math.round(point.x), y: Math.round(point.y) };
    if (this.cursorTimer) return;
    provider.setAwarenessField('cursor', this.pendingCursor);
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      if (this.pendingCursor) this.conn?.provider.setAwarenessField('cursor', this.pendingCursor);
    }, CURSOR_INTERVAL_MS);
  }

  /** Leave: the design stays open here as a local design (nothing is lost). */
  async leave(): Promise<void> {
    this.left = true;
    for (const off of this.unsubscribers.splice(0)) off();
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    roomHistory.current = null;
    const conn = this.conn;
    this.conn = null;
    if (conn) await this.teardown(conn, false);
  }
}
