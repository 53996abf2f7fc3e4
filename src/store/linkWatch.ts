/**
 * One link of the open design, for the edge that draws it (`useLink`): each edge is told only
 * when its own link changes. With a selector of the whole store per edge, every store update
 * (an edit, a selection, each frame of a drag) ran one selector per drawn link — at 1,000
 * elements, 1–2 ms of a DCI-distance edit's task (CPU profile) to find the one link it changed,
 * work that the plain React Flow page has no counterpart of.
 */
import type { Link } from '../model/schema';
import { linkById } from '../model/byId';
import { useStudio } from './studio';
import { useWatched, watchers as watcherList } from './watchers';

const watchers = watcherList();
/** The links the watchers were last told of. */
let told: readonly Link[] = useStudio.getState().design.links;

/** Call `tell` whenever the link `id` becomes another object (or goes, or comes); returns the stop. */
export function watchLink(id: string, tell: () => void): () => void {
  return watchers.watch(id, tell);
}

const tellLink = (id: string) => watchers.tell(id);

/**
 * The ids of the links that are other objects in `after` than in `before`. Lists of one length
 * (an edit of links, most edits) are compared place by place: a link changed or moved leaves a
 * place where the two differ, and both ids there are told (one more than needed at worst).
 * Of lists of other lengths (a delete, a paste), the links that came or changed: a link gone
 * is not told, as its edge goes with it (React Flow takes it away in the same update). Told,
 * the 60 edges of bench:ui's delete of 30 devices each rendered once more, with no link, in
 * the delete's own task, before they were taken away.
 */
function tellChanged(before: readonly Link[], after: readonly Link[]): void {
  if (before.length === after.length) {
    for (let i = 0; i < after.length; i++) {
      const was = before[i];
      const is = after[i];
      if (was === is) continue;
      if (was) tellLink(was.id);
      if (is && is.id !== was?.id) tellLink(is.id);
    }
    return;
  }
  const old = linkById(before);
  const now = linkById(after);
  for (const id of [...watchers.ids()]) {
    const link = now.get(id);
    if (link && old.get(id) !== link) tellLink(id);
  }
}

useStudio.subscribe((state) => {
  const links = state.design.links;
  if (links === told) return;
  const before = told;
  told = links;
  if (watchers.size > 0) tellChanged(before, links);
});

function readLink(id: string): Link | undefined {
  return linkById(useStudio.getState().design.links).get(id);
}

/** The link `id` of the open design; its component re-renders when that link changes. */
export function useLink(id: string): Link | undefined {
  return useWatched(watchers, id, readLink);
}
