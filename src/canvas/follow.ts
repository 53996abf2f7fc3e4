/**
 * The sidebar follows what the user selects on the canvas (useUi.followSelection). Whether the
 * user was typing in the sidebar is read when the pointer goes down on the canvas, before focus
 * moves away from the field.
 */
import { selectedIds, useStudio } from '../store/studio';
import { useUi } from '../store/ui';

let typingInPanel = false;

function isTextField(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return (
    el instanceof HTMLInputElement && ['text', 'search', 'number', 'email', 'url'].includes(el.type)
  );
}

/** Call on pointer-down (capture) on the canvas: remembers whether a panel field had the focus. */
export function notePointerDown(): void {
  const active = document.activeElement;
  typingInPanel = isTextField(active) && active?.closest('[role="tabpanel"]') !== null;
}

/** The user changed the selection on the canvas: let the sidebar follow, once the change settled. */
export function followCanvasSelection(): void {
  // React Flow reports node and edge selection changes one after the other: decide on the result.
  queueMicrotask(() => {
    const selected = selectedIds(useStudio.getState()).length > 0;
    useUi.getState().followSelection(selected, typingInPanel);
    typingInPanel = false;
  });
}
