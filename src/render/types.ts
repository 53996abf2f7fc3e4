/**
 * The drawing geometry: what every view of a design draws — the canvas, the SVG/PNG/PDF
 * exports, the draw.io file and the command line. Plain data in absolute diagram coordinates
 * (pixels at zoom 1), computed by `renderDiagram` (./diagram.ts) and nothing else.
 */
import type { DeviceKind, LinkKind } from '../model/schema';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SiteShape {
  readonly id: string;
  readonly role: 'dc' | 'witness' | 'cloud';
  readonly box: Box;
  readonly label: string;
  /** "Data center · 7 devices". */
  readonly caption: string;
  /** Where the name (cut to fit) and the caption are written, on one baseline. */
  readonly title: {
    readonly text: string;
    readonly x: number;
    readonly captionX: number;
    readonly baseline: number;
  };
  /** The ink of the icon, name and caption: connectors and labels keep off it. */
  readonly titleBox: Box;
}

export interface DeviceShape {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly siteId: string;
  readonly box: Box;
  readonly label: string;
  /** Its subtitle's wordings, most explicit first (text.ts `deviceSubtitles`). */
  readonly subtitles: readonly [string, ...string[]];
}

export interface ConnectorLabel {
  /** The box the label is drawn in; placed where it overlaps no device and no other label. */
  readonly box: Box;
  /** First line is the link's name or its figures; each line is plain text. */
  readonly lines: readonly string[];
  /** The link is over a limit (an error finding with a figure): drawn in red. */
  readonly broken: boolean;
}

export interface Connector {
  readonly id: string;
  readonly kind: LinkKind;
  readonly source: string;
  readonly target: string;
  /** Orthogonal polyline from the source's border to the target's border (≥ 2 points). */
  readonly points: readonly Point[];
  /** A DCI link that carries no L2 extension (drawn thinner and grey: linkStyle.ts). */
  readonly l3Only: boolean;
  readonly label: ConnectorLabel | null;
}

export interface NoteShape {
  readonly id: string;
  readonly box: Box;
  /** The note's text, wrapped to the box. */
  readonly lines: readonly string[];
  readonly targetId: string | null;
  /** A callout: from the note's border to its target's, or null. */
  readonly pointer: readonly Point[] | null;
}

export interface Diagram {
  readonly name: string;
  /** Everything drawn, sites, devices, connectors and labels. */
  readonly bounds: Box;
  readonly sites: readonly SiteShape[];
  readonly devices: readonly DeviceShape[];
  readonly connectors: readonly Connector[];
  readonly notes: readonly NoteShape[];
}
