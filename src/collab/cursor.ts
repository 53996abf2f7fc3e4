/**
 * My pointer on the canvas, for the live room: the canvas overlay (first screen) calls
 * `moveMyCursor`; the room code (launch.ts, loaded after the first screen) sets where it goes.
 * Until a room is joined it goes nowhere.
 */
type Point = { readonly x: number; readonly y: number };

let sender: ((point: Point | null) => void) | null = null;

export function setCursorSender(send: (point: Point | null) => void): void {
  sender = send;
}

/** Tell the room where my pointer is on the canvas (flow coordinates), or null when off it. */
export function moveMyCursor(point: Point | null): void {
  sender?.(point);
}
