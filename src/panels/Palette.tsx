import { useReactFlow } from '@xyflow/react';
import { ChevronsLeft, ChevronsRight, StickyNote } from 'lucide-react';
import { PALETTE_MIME, PALETTE_NOTE } from '../canvas/Canvas';
import { followCanvasSelection } from '../canvas/follow';
import { useRoutes } from '../canvas/routeStore';
import { KIND_COLORS, KIND_ICONS } from '../canvas/icons';
import { KIND_LABELS } from '../model/defaults';
import { NODE_KINDS } from '../model/kinds';
import type { NodeKind } from '../model/schema';
import { selectedIds, useStudio } from '../store/studio';
import { dropTypedAhead, expectTyping } from '../store/typeAhead';
import { notify } from '../store/ui';
import { useView } from '../store/view';

const HINTS: Readonly<Record<NodeKind, string>> = {
  site: 'A data center, witness or cloud site: a container for devices',
  spine: 'Spine switch of a leaf-spine fabric',
  tor: 'Top-of-rack / leaf switch: L2 or L3 boundary, EVPN overlay',
  border: 'Border / DCI edge router: where DCI links attach',
  cluster: 'Host cluster (vSphere, Hyper-V, KVM) that runs workloads',
  array: 'Storage array with volumes, replication and preferred sites',
  firewall: 'Stateful firewall protecting segments',
  witness: 'Witness / mediator / quorum for stretched storage or clusters',
};

/** Drag an item onto the canvas, or click it to add it to the selected (or first) site. */
export function Palette() {
  const readOnly = useStudio((s) => s.readOnly);
  const collapsed = useView((s) => s.paletteCollapsed);
  const flow = useReactFlow();
  const { screenToFlowPosition } = flow;
  const addByClick = (kind: NodeKind) => {
    const state = useStudio.getState();
    const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const center = canvas
      ? screenToFlowPosition({
          x: canvas.left + canvas.width / 2,
          y: canvas.top + canvas.height / 2,
        })
      : { x: 0, y: 0 };
    const at = { x: center.x - 84, y: center.y - 28 };
    // A device goes into the selected element's site, or the first site, at its first free spot.
    const chosen = selectedIds(state)
      .map((id) => state.design.nodes.find((n) => n.id === id))
      .map((n) =>
        n && n.kind !== 'site' ? state.design.nodes.find((s) => s.id === n.parentId) : n,
      )
      .find((n) => n?.kind === 'site');
    const site = chosen ?? state.design.nodes.find((n) => n.kind === 'site');
    const id = state.addElement(kind, at, kind !== 'site' && site ? { siteId: site.id } : {});
    if (id) {
      state.select([id]);
      followCanvasSelection();
      // Placed clear of the others, it may land past the view: the view follows it there.
      void import('../app/tools').then((tools) => tools.followAdded(flow, [id]));
    }
  };
  const toggle = (
    <button
      type="button"
      data-testid="panel.palette.toggle"
      aria-expanded={!collapsed}
      aria-label={collapsed ? 'Show the palette' : 'Hide the palette'}
      title={collapsed ? 'Show the palette' : 'Hide the palette (more room for the canvas)'}
      onClick={() => useView.getState().togglePalette()}
      className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-200"
    >
      {collapsed ? (
        <ChevronsRight className="h-4 w-4" aria-hidden />
      ) : (
        <ChevronsLeft className="h-4 w-4" aria-hidden />
      )}
    </button>
  );
  return (
    <nav
      aria-label="Palette"
      data-testid="panel.palette"
      data-collapsed={collapsed}
      className={`flex h-full shrink-0 flex-col gap-1 overflow-y-auto border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950 ${
        collapsed ? 'w-11 items-center px-1 py-2' : 'w-[176px] p-2'
      }`}
    >
      {collapsed ? (
        <div className="pb-1">{toggle}</div>
      ) : (
        <div className="flex items-center justify-between px-1 pt-1 pb-1">
          <h2 className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
            Elements
          </h2>
          {toggle}
        </div>
      )}
      {NODE_KINDS.map((kind) => {
        const Icon = KIND_ICONS[kind];
        return (
          <button
            key={kind}
            type="button"
            draggable={!readOnly}
            disabled={readOnly}
            data-testid={`palette.item.${kind}`}
            aria-label={`Add ${KIND_LABELS[kind]}`}
            title={`${collapsed ? `${KIND_LABELS[kind]}: ` : ''}${HINTS[kind]} — drag onto the canvas, or click to add`}
            onDragStart={(event) => {
              event.dataTransfer.setData(PALETTE_MIME, kind);
              event.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => addByClick(kind)}
            className={`flex cursor-grab items-center gap-2 rounded-md border border-slate-200 bg-white text-left text-[13px] font-medium text-slate-700 shadow-xs hover:border-teal-500 hover:bg-teal-50 active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 ${
              collapsed ? 'h-8 w-8 justify-center' : 'px-2 py-1.5'
            }`}
          >
            <Icon aria-hidden className={`h-4 w-4 shrink-0 ${KIND_COLORS[kind]}`} />
            {!collapsed && KIND_LABELS[kind]}
          </button>
        );
      })}
      {collapsed ? (
        <span className="my-1 h-px w-6 bg-slate-200 dark:bg-slate-700" />
      ) : (
        <h2 className="px-1 pt-3 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
          Whiteboard
        </h2>
      )}
      <button
        type="button"
        draggable={!readOnly}
        disabled={readOnly}
        data-testid="palette.item.note"
        aria-label="Add note"
        title="A free text note; select an element first to point it there from the inspector — drag onto the canvas, or click to add (N)"
        onDragStart={(event) => {
          event.dataTransfer.setData(PALETTE_MIME, PALETTE_NOTE);
          event.dataTransfer.effectAllowed = 'copy';
        }}
        onClick={() => {
          const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
          const center = canvas
            ? screenToFlowPosition({
                x: canvas.left + canvas.width / 2,
                y: canvas.top + canvas.height / 2,
              })
            : { x: 0, y: 0 };
          const drawn = useRoutes.getState().byId;
          // Placing a note loads on first use: off the first screen. What is typed meanwhile is
          // the note's text.
          expectTyping();
          import('../app/notes').then(
            (m) => m.addNoteAt(center, drawn),
            () => {
              dropTypedAhead();
              notify('error', 'The note could not be added: the page could not load its code.');
            },
          );
        }}
        className={`flex cursor-grab items-center gap-2 rounded-md border border-slate-200 bg-white text-left text-[13px] font-medium text-slate-700 shadow-xs hover:border-teal-500 hover:bg-teal-50 active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 ${
          collapsed ? 'h-8 w-8 justify-center' : 'px-2 py-1.5'
        }`}
      >
        <StickyNote aria-hidden className="h-4 w-4 shrink-0 text-yellow-600 dark:text-yellow-400" />
        {!collapsed && 'Note'}
      </button>
      {!collapsed && (
        <p className="mt-auto px-1 pt-3 text-[11px] leading-4 text-slate-500 dark:text-slate-400">
          Drop devices inside a site. Connect by dragging from a handle; links between sites become
          DCI links.
        </p>
      )}
    </nav>
  );
}
