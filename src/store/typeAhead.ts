/**
 * What is typed for a note's editor before it is there. N (or a note dropped from the palette)
 * adds a note and opens its editor, but the code that places notes and draws them loads on first
 * use: keys typed meanwhile went to the canvas, whose one-key shortcuts took them (an "n" in the
 * text added a second note, Backspace deleted the selection) or nowhere, and the note opened
 * empty. From `expectTyping` until the editor takes the text (`typedAhead`, `dropTypedAhead`),
 * the user presses elsewhere, Escape is pressed, or TYPE_AHEAD_MS pass, the studio's key handler
 * gives each plain key here (`typeAhead`): text is kept, Backspace takes back, other plain keys
 * do nothing; keys with Ctrl, Cmd or Alt are shortcuts as ever.
 */

/** How long keys wait for the editor at most: past this, they are the canvas's again. */
export const TYPE_AHEAD_MS = 3000;

let typed: string | null = null;
/** When keys stop waiting (Date.now()). */
let until = 0;
let watched = false;

function live(): string | null {
  if (typed !== null && Date.now() > until) typed = null;
  return typed;
}

/** Keys from now on are text for the editor about to open (what was kept stays). */
export function expectTyping(): void {
  watchPointer();
  typed = live() ?? '';
  until = Date.now() + TYPE_AHEAD_MS;
}

/** The editor will not come (nothing was added): keys are the canvas's again. */
export function dropTypedAhead(): void {
  typed = null;
}

/** What was typed for the editor so far (the editor takes it as it gets the focus). */
export function typedAhead(): string {
  return live() ?? '';
}

/**
 * Keep a key for the editor about to open; returns whether it was taken (the caller then lets
 * it go no further). Escape gives up waiting and goes on to close what it closes.
 */
export function typeAhead(event: KeyboardEvent): boolean {
  if (live() === null || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === 'Escape') {
    typed = null;
    return false;
  }
  if (event.key === 'Backspace') typed = (typed ?? '').slice(0, -1);
  else if (event.key === 'Enter') typed += '\n';
  else if (event.key.length === 1) typed += event.key;
  else if (event.key === 'Shift' || event.key === 'CapsLock') return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
}

/** A press elsewhere means the user moved on: the keys after it are not the note's. */
function watchPointer(): void {
  if (watched || typeof window === 'undefined') return;
  watched = true;
  window.addEventListener('pointerdown', dropTypedAhead, { capture: true, passive: true });
}
