/**
 * "Tidy up": run the automatic layout (src/model/layout.ts, elk loaded on first use) and commit
 * the result as one undoable edit. The layout is asynchronous (~1 s for 500 devices), so the
 * command shows a busy state (`tidying`, store/ui.ts) and refuses to run twice, and a design
 * edited meanwhile wins over the layout of its older self. Loaded on first use.
 */
import type { Design } from '../model/schema';
import { useStudio } from '../store/studio';
import { notify, useUi } from '../store/ui';
import { plural } from '../model/plural';

export async function tidyUp(): Promise<void> {
  if (useUi.getState().tidying) return;
  const before = useStudio.getState().design;
  if (useStudio.getState().readOnly) return;
  const devices = before.nodes.filter((n) => n.kind !== 'site').length;
  if (devices === 0) {
    notify('info', 'Nothing to tidy up yet: add devices to a site first.');
    return;
  }
  useUi.setState({ tidying: true });
  try {
    // The layout code (and elk under it) loads on first use.
    const { tidyLayout } = await import('../model/layout');
    const next = await tidyLayout(before);
    const state = useStudio.getState();
    if (state.design !== before) {
      notify('warning', 'The design changed while tidying up: nothing was moved. Try again.');
      return;
    }
    if (sameLayout(before, next)) {
      notify('info', 'Already tidy: nothing moved.');
      return;
    }
    state.commit(next);
    const sites = next.nodes.length - devices;
    notify(
      'success',
      `Tidied up ${plural(devices, 'device')} in ${plural(sites, 'site')}. Undo with Ctrl+Z.`,
    );
    useUi.getState().requestFit();
  } catch (error) {
    notify(
      'error',
      `Tidy up failed (${error instanceof Error ? error.message : 'the layout engine did not load'}). Nothing was moved.`,
    );
  } finally {
    useUi.setState({ tidying: false });
  }
}

/** Layout only changes positions and site sizes: compare just those. */
function sameLayout(a: Design, b: Design): boolean {
  const byId = new Map(a.nodes.map((n) => [n.id, n]));
  return b.nodes.every((n) => {
    const m = byId.get(n.id);
    if (!m || m.position.x !== n.position.x || m.position.y !== n.position.y) return false;
    return n.kind !== 'site' || (m.kind === 'site' && m.width === n.width && m.height === n.height);
  });
}
