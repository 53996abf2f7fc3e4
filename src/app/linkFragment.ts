/**
 * What the page watches from the start (afterBoot.ts) about links and files, without the codecs:
 * importExport.ts, with the share-link, file and image codecs (and their compression tables),
 * loads only when a link is in the address bar or a way in or out is used.
 */
import { useStudio } from '../store/studio';
import { notify } from '../store/ui';

/** Is the fragment a design link (`#d=…` or `#v=…`, maybe after other `&`-separated parts)? */
export function isLinkFragment(hash: string): boolean {
  return /^#?(?:[^&]*&)*[dv]=/u.test(hash);
}

/** Drop a design link from the address bar, so a reload does not import it again. */
export function clearLinkFragment(): void {
  if (!isLinkFragment(window.location.hash)) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/**
 * A file dropped anywhere but the canvas would make the browser navigate to it (leaving the
 * studio): refuse such drops; the canvas handles its own.
 */
export function installFileDropGuard(): void {
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  window.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    if (hasFiles(e) && !e.defaultPrevented) {
      e.preventDefault();
      notify('info', 'Drop design files and exported images on the canvas to open them.');
    }
  });
}

/** When view-only mode ends (edit a copy, a template, a new design), the `#v=` link goes too. */
export function installLinkSync(): void {
  useStudio.subscribe((state, previous) => {
    if (previous.readOnly && !state.readOnly) clearLinkFragment();
  });
}
