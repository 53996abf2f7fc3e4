/**
 * Adding whiteboard notes, as the palette, the command list and the inspector do it: the new
 * note is selected and its text editor opened on the canvas.
 */
import type { Design, Position } from '../model/schema';
import { shapesOf, SITE_HEADER_PX } from '../render/diagram';
import { connectorAnchorBox, freeNoteSpot, type NoteObstacles } from '../render/callouts';
import { noteLayout } from '../render/notes';
import { NOTE_LINE_PX, NOTE_MAX_WIDTH, NOTE_PAD } from '../render/metrics';
import type { Box, Connector, Point } from '../render/types';
import { editNoteText } from '../store/noteFlow';
import { useStudio } from '../store/studio';
import { dropTypedAhead, expectTyping } from '../store/typeAhead';
import { useUi } from '../store/ui';
import { visibleBox, type CanvasView } from './view';

/** Space kept between a new callout note and the element it points at. */
const CALLOUT_GAP_PX = 40;

function added(id: string | null): string | null {
  if (id === null) {
    dropTypedAhead();
    return null;
  }
  useStudio.getState().select([id]);
  // The inspector comes up with the new note, as it does for a new element.
  useUi.getState().followSelection(true, false);
  // Its editor's code may still be loading: what is typed meanwhile is its text.
  expectTyping();
  editNoteText(id);
  return id;
}

/** A DCI label's size, about: links' labels are placed by the router, away from here. */
const LABEL_PROXY = { width: 180, height: 56 } as const;

const centerOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** The links as the canvas draws them now (routes and labels), by link id. */
export type DrawnLinks = ReadonlyMap<string, Pick<Connector, 'points' | 'label'>>;

/**
 * The room a new note is given: the widest note, three lines high, so that what is typed into
 * it does not run over its neighbours.
 */
const RESERVED = { width: NOTE_MAX_WIDTH, height: 3 * NOTE_LINE_PX + 2 * NOTE_PAD } as const;

/**
 * What a new note should not cover: devices, site titles, site borders (a note is inside a site
 * or outside it, never across), other notes, links and their labels — as drawn when the canvas
 * says (`drawn`), else as straight lines between their ends with a label about their middle.
 */
function obstacles(design: Design, drawn: DrawnLinks | undefined): NoteObstacles {
  const { sites, devices } = shapesOf(design);
  const boxes: Box[] = devices.map((d) => d.box);
  const lines: Point[][] = [];
  for (const s of sites) {
    const { x, y, width, height } = s.box;
    boxes.push({ x, y, width, height: SITE_HEADER_PX });
    lines.push([
      { x, y },
      { x: x + width, y },
      { x: x + width, y: y + height },
      { x, y: y + height },
      { x, y },
    ]);
  }
  for (const n of design.notes) {
    const { width, height } = noteLayout(n.text);
    boxes.push({ ...n.position, width, height });
  }
  const at = new Map<string, Box>([
    ...sites.map((s) => [s.id, s.box] as const),
    ...devices.map((d) => [d.id, d.box] as const),
  ]);
  for (const l of design.links) {
    const a = at.get(l.source);
    const b = at.get(l.target);
    const route = drawn?.get(l.id);
    if (route) {
      lines.push([...route.points]);
      if (route.label) boxes.push(route.label.box);
      continue;
    }
    if (!a || !b) continue;
    const [p, q] = [centerOf(a), centerOf(b)];
    lines.push([p, q]);
    if (l.kind === 'dci') {
      const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      boxes.push({
        x: mid.x - LABEL_PROXY.width / 2,
        y: mid.y - LABEL_PROXY.height / 2,
        ...LABEL_PROXY,
      });
    }
  }
  return { boxes, lines };
}

/** Add an empty note in the middle of the view (of the design's origin without one). */
export function addNoteInView(view: CanvasView | undefined, drawn?: DrawnLinks): string | null {
  const box = view && visibleBox(view);
  return addNoteAt(
    box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : { x: 0, y: 0 },
    drawn,
  );
}

/** Add an empty note near `center` (the middle of the view, say), where it covers nothing. */
export function addNoteAt(center: Position, drawn?: DrawnLinks): string | null {
  const design = useStudio.getState().design;
  const at = freeNoteSpot(
    RESERVED,
    { x: center.x - RESERVED.width / 2, y: center.y - RESERVED.height / 2 },
    obstacles(design, drawn),
  );
  return added(useStudio.getState().addNote(at));
}

/** Where the element is drawn: a node's box, a link's label or the middle of its route. */
function elementBox(elementId: string, drawn: DrawnLinks | undefined): Box | null {
  const design = useStudio.getState().design;
  const { sites, devices } = shapesOf(design);
  const boxes = new Map<string, Box>([
    ...sites.map((s) => [s.id, s.box] as const),
    ...devices.map((d) => [d.id, d.box] as const),
  ]);
  const own = boxes.get(elementId);
  if (own) return own;
  const route = drawn?.get(elementId);
  if (route) return connectorAnchorBox(route);
  const link = design.links.find((l) => l.id === elementId);
  const a = link && boxes.get(link.source);
  const b = link && boxes.get(link.target);
  if (!a || !b) return null;
  const x = (a.x + a.width / 2 + b.x + b.width / 2) / 2;
  const y = (a.y + a.height / 2 + b.y + b.height / 2) / 2;
  return { x, y, width: 0, height: 0 };
}

/**
 * Add an empty note that points at an element, above and to the right of it (a site's: above
 * its title, inside its right half, so it does not cover the neighbouring site).
 */
export function addNotePointingAt(elementId: string, drawn?: DrawnLinks): string | null {
  const box = elementBox(elementId, drawn);
  if (!box) return null;
  const size = RESERVED;
  const design = useStudio.getState().design;
  const isSite = design.nodes.some((n) => n.id === elementId && n.kind === 'site');
  const preferred = isSite
    ? {
        x: box.x + box.width - size.width - CALLOUT_GAP_PX,
        y: box.y - size.height - CALLOUT_GAP_PX,
      }
    : { x: box.x + box.width + CALLOUT_GAP_PX, y: box.y - size.height - CALLOUT_GAP_PX };
  const at = freeNoteSpot(size, preferred, obstacles(design, drawn), box);
  return added(useStudio.getState().addNote(at, elementId));
}
