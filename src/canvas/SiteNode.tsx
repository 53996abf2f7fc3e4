import {
  Handle,
  NodeResizer,
  Position,
  useStore,
  type NodeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo } from 'react';
import { findingsFor, NO_FINDINGS, useElementFindings, useValidated } from '../store/findings';
import { findingsBySite } from '../store/siteFindings';
import type { FlowNode } from '../store/flow';
import { deviceCountBySite } from '../store/selectors';
import { useStudio } from '../store/studio';
import { FindingBadge } from './Badge';
import { CENTER_MARKER, FAR_ZOOM } from './DeviceNode';
import { KIND_ICONS } from './icons';
import { diffClass, FAILED, HIGHLIGHTED, SOLE, useMarks } from './marks';
import {
  roomRightOfSites,
  SITE_FAR_STRIP_MIN_PX,
  siteName,
  siteNameStripPx,
  siteTitleLayout,
} from '../render/siteTitle';

/**
 * Zoomed out, the header grows against the zoom (in quarter steps, so a zoom gesture re-renders
 * the few sites only now and then) to stay readable at 0.8 of its size, however far out the
 * view is (fit view on a large estate is 2 %), and its badge sums up the site.
 */
export function siteHeaderScale(zoom: number): number {
  return zoom >= FAR_ZOOM ? 1 : Math.round((0.8 / zoom) * 4) / 4;
}
const headerScale = (s: ReactFlowState) => siteHeaderScale(s.transform[2]);

/** Zoomed out, between a title that reaches past its site and the next site, in canvas pixels. */
const TAB_GAP_PX = 24;

const ROLE_BORDERS = {
  dc: 'border-[var(--site-border)]',
  witness: 'border-violet-300 dark:border-violet-700',
  cloud: 'border-sky-300 dark:border-sky-700',
} as const;

/** Whether a site draws the same: the same element (React Flow's other props it does not use). */
export function sameSiteNodeProps(
  before: NodeProps<FlowNode>,
  after: NodeProps<FlowNode>,
): boolean {
  return before.id === after.id && before.data === after.data;
}

function SiteNodeView({ id, data }: NodeProps<FlowNode>) {
  const site = data.element;
  const scale = useStore(headerScale);
  const own = useElementFindings(id);
  const all = useValidated((s) =>
    scale === 1
      ? NO_FINDINGS
      : (findingsBySite(findingsFor(s.design), s.design).get(id) ?? NO_FINDINGS),
  );
  const findings = scale === 1 ? own : all;
  const marks = useMarks(id);
  const highlighted = (marks & HIGHLIGHTED) !== 0;
  const failed = (marks & FAILED) !== 0;
  const readOnly = useStudio((s) => s.readOnly);
  // Resize handles only when this site is the one node selected.
  const alone = (marks & SOLE) !== 0;
  const counts = useStudio((s) => deviceCountBySite(s.design.nodes).get(id) ?? 0);
  const room = useStudio((s) => roomRightOfSites(s.design.nodes).get(id) ?? Infinity);
  if (site.kind !== 'site') return null;
  const Icon = KIND_ICONS.site;
  // The strip lays out as the exports draw it, at the width it has once scaled up.
  const far = scale !== 1;
  // A narrow site's title may reach past its right edge, as far as its name needs, short of
  // the next site's.
  const badge = findings.length > 0;
  const wanted = Math.max(SITE_FAR_STRIP_MIN_PX, siteNameStripPx(site.label, badge));
  const strip = far
    ? Math.max(site.width / scale, Math.min(wanted, (room - TAB_GAP_PX) / scale))
    : site.width;
  const title = siteTitleLayout(site.label, site.role, counts, strip, badge);
  return (
    <div
      data-testid={`node.${id}`}
      data-kind="site"
      data-failed={failed || undefined}
      className={`site-box relative h-full w-full rounded-[14px] border-2 ${highlighted ? 'node-highlight' : ''} ${failed ? 'site-failed' : ''} ${diffClass(marks)} ${ROLE_BORDERS[site.role]} bg-[var(--site-bg)]`}
    >
      <NodeResizer
        isVisible={alone && !readOnly}
        minWidth={240}
        minHeight={160}
        lineClassName="!border-teal-600"
        handleClassName="!bg-teal-600 !w-2 !h-2"
        onResizeEnd={(_, p) =>
          useStudio.getState().updateElement(id, {
            width: Math.round(p.width),
            height: Math.round(p.height),
            position: { x: Math.round(p.x), y: Math.round(p.y) },
          })
        }
      />
      {/* Zoomed out, the strip grows against the zoom and would lie under the device cards
          (drawn above sites): it sits on the box's top edge instead, as a tab. */}
      <div
        data-testid={`site-title.${id}`}
        className={`site-drag-handle flex cursor-grab items-center gap-1.5 whitespace-nowrap px-3 active:cursor-grabbing ${
          far
            ? `absolute bottom-full left-[-2px] w-max origin-bottom-left rounded-t-[10px] border-x-2 border-t-2 py-1 ${ROLE_BORDERS[site.role]} bg-[var(--site-bg)]`
            : 'rounded-t-[12px] py-2'
        }`}
        style={
          far
            ? {
                transform: `scale(${scale})`,
                maxWidth: `max(calc(${100 / scale}% + ${4 / scale}px), ${strip}px)`,
                borderWidth: `${2 / scale}px ${2 / scale}px 0`,
              }
            : undefined
        }
      >
        <Icon aria-hidden className="h-4 w-4 shrink-0 text-slate-500 dark:text-slate-400" />
        <span
          className="min-w-0 truncate text-sm font-semibold text-slate-800 dark:text-slate-100"
          title={title.text === siteName(site.label) ? undefined : site.label}
        >
          {title.text}
        </span>
        {title.caption && (
          <span
            data-testid={`site-caption.${id}`}
            className="ml-1 shrink-0 text-[11px] text-slate-600 dark:text-slate-400"
          >
            {title.caption}
          </span>
        )}
        <span className="ml-auto shrink-0 pl-1">
          <FindingBadge findings={findings} elementId={far ? `site-summary.${id}` : id} />
        </span>
      </div>
      {CENTER_MARKER}
      <Handle type="source" position={Position.Left} id="left" />
      <Handle type="source" position={Position.Right} id="right" />
      <Handle type="source" position={Position.Top} id="top" />
      <Handle type="source" position={Position.Bottom} id="bottom" />
    </div>
  );
}

/**
 * A site draws its element and nothing React Flow passes besides: its selection outline is the
 * wrapper's class (index.css), its resize handles show when it is the one node selected (its
 * marks). So a select-all re-renders no site.
 */
export const SiteNode = memo(SiteNodeView, sameSiteNodeProps);
