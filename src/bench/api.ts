/**
 * What `npm run bench:ui` calls inside a page (the studio built in bench mode, or the plain
 * React Flow baseline): the same operations on both sides, so the runner drives them alike.
 * Nothing here is in the app's production bundle (see studioHooks.ts).
 */
import type { Design } from '../model/schema';

export interface BenchApi {
  setViewport(viewport: { x: number; y: number; zoom: number }): void;
  /** One edit of a DCI link's distance, as the inspector would make it. */
  editDistance(linkId: string, distanceKm: number): void;
  /** Select exactly these nodes (and no link), as a click and Shift-clicks would. */
  select(nodeIds: readonly string[]): void;
  /** Whether the page's link router has routes still to draw (the baseline has no router). */
  routing?(): boolean;
}

/** The design the runner hands the baseline page (the studio reads its autosave instead). */
export interface BenchDesign {
  readonly design: Design;
  readonly deviceSize: { readonly width: number; readonly height: number };
}

declare global {
  interface Window {
    __bench?: BenchApi;
    __benchDesign?: BenchDesign;
  }
}

export function installBenchApi(api: BenchApi): void {
  window.__bench = api;
}
