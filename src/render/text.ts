/**
 * The words drawn on a diagram — device subtitles, link figures, site captions — in one place,
 * so the canvas and every export say the same thing. Plain text, never markup.
 */
import {
  L2_EXTENSION_LABELS,
  PRODUCT_LABELS,
  PROFILE_LABELS,
  TRANSPORT_LABELS,
} from '../model/catalogLabels';
import { KIND_LABELS } from '../model/defaults';
import { linkRttMs } from '../model/paths';
import type { DciLink, DesignNode, Settings } from '../model/schema';
import type { Finding } from '../rules/types';
import { plural } from '../model/plural';

export function fmtNumber(n: number): string {
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1).replace(/\.0$/, '');
  return n.toFixed(2).replace(/0$/, '').replace(/\.0$/, '');
}

/**
 * "12.4 ms > 10 ms" from a finding that measured something against a limit; the sign follows
 * the figures ("1 Gb/s < 2 Gb/s" for a bottleneck, "28 Gb/s > 10 Gb/s" for a demand).
 */
export function limitText(f: Finding): string | null {
  if (f.measured === undefined || f.limit === undefined) return null;
  const unit = f.unit ? ` ${f.unit}` : '';
  return `${fmtNumber(f.measured)}${unit} ${f.measured < f.limit ? '<' : '>'} ${fmtNumber(f.limit)}${unit}`;
}

/** The latency or bandwidth finding a DCI link shows on its label (errors first). */
export function limitFinding(findings: readonly Finding[]): Finding | undefined {
  const limited = (f: Finding) => f.ruleId.startsWith('LAT') || f.ruleId.startsWith('BW');
  return (
    findings.find((f) => limited(f) && f.severity === 'error') ?? findings.find((f) => limited(f))
  );
}

/** A short second line that says what matters about the device at a glance. */
export function deviceSubtitle(element: DesignNode): string {
  switch (element.kind) {
    case 'tor':
      return [
        element.boundary === 'l3' ? 'L3 at ToR' : 'L2 trunked',
        element.overlay ? 'EVPN' : null,
        element.anycastGateway ? 'anycast GW' : null,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'cluster':
      return `${PROFILE_LABELS[element.profile].replace(/ \(.*\)$/, '')} · ${plural(element.hosts, 'host')}`;
    case 'array':
      return PRODUCT_LABELS[element.product].replace(/ \(.*\)$/, '');
    case 'firewall':
      return [
        element.stateful ? 'stateful' : 'stateless',
        element.stateSynced ? 'state-synced' : null,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'witness':
      return `arbitrates ${element.arbitrates.length}`;
    default:
      return KIND_LABELS[element.kind];
  }
}

export const SITE_ROLE_LABELS = {
  dc: 'Data center',
  witness: 'Witness site',
  cloud: 'Cloud',
} as const;

/** The figures line of a DCI link: "80 km · 0.9 ms · 10 Gb/s". */
export function dciFigures(link: DciLink, settings: Settings): string {
  const rtt = linkRttMs(link, settings);
  return (
    `${fmtNumber(link.distanceKm)} km · ${fmtNumber(rtt)} ms` +
    `${link.rttMs === undefined ? '' : ' (set)'} · ${fmtNumber(link.bandwidthGbps)} Gb/s`
  );
}

/** The transport line of a DCI link: "Dark fibre · OTV · 3 seg" or "MPLS L3VPN · L3 only". */
export function dciTransport(link: DciLink): string {
  const transport = TRANSPORT_LABELS[link.transport];
  return link.l2Extension !== 'none'
    ? `${transport} · ${L2_EXTENSION_LABELS[link.l2Extension]} · ${link.extendedSegmentIds.length} seg`
    : `${transport} · L3 only`;
}

/** Every line of a DCI link's label, as the canvas and the exports draw it. */
export function dciLabelLines(
  link: DciLink,
  settings: Settings,
  findings: readonly Finding[] = [],
): string[] {
  const lines: string[] = [];
  if (link.label) lines.push(link.label);
  lines.push(dciFigures(link, settings), dciTransport(link));
  const limit = limitFinding(findings);
  const figure = limit ? limitText(limit) : null;
  if (figure) lines.push(figure);
  return lines;
}

/** Label metrics shared by the canvas (CSS) and the exports (SVG): 11 px text, 16 px lines. */
export const LABEL_FONT_PX = 11;
export const LABEL_LINE_PX = 16;
export const LABEL_PAD_X = 8;
export const LABEL_PAD_Y = 4;
/** Label names are cut to this many characters (the canvas truncates at 11rem). */
export const LABEL_MAX_CHARS = 30;

/**
 * Note metrics, shared by the canvas (CSS) and the exports: notes are 96 to 220 px wide, their
 * 12 px text wraps at word boundaries on 16 px lines, 8 px inside the box.
 */
export const NOTE_MAX_WIDTH = 220;
export const NOTE_MIN_WIDTH = 96;
export const NOTE_PAD = 8;
export const NOTE_FONT_PX = 12;
export const NOTE_LINE_PX = 16;
/** The dot that ends a note's callout on its target (radius). */
export const NOTE_POINTER_DOT_PX = 3;
/** Lines a note shows at most: the rest of a very long text is in the design, not drawn. */
export const NOTE_MAX_LINES = 40;

/**
 * A conservative width for a line of 11 px sans-serif text: wide glyphs count more. Generous
 * on purpose: a label box that is a little large never overlaps, one that is small might.
 */
export function textWidth(text: string, fontPx = LABEL_FONT_PX, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if ("il.,:;|!'` ".includes(ch)) units += 0.32;
    else if ('mwMW@%'.includes(ch)) units += 0.9;
    else if (/[A-Z0-9]/u.test(ch)) units += 0.66;
    else if ('·'.includes(ch)) units += 0.35;
    else units += 0.56;
  }
  return units * fontPx * (bold ? 1.08 : 1);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Cut a line of text so it fits a width, with an ellipsis. */
export function fitText(text: string, maxWidth: number, fontPx: number, bold = false): string {
  if (textWidth(text, fontPx, bold) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontPx, bold) > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** A site's name and caption ("Data center · 7 devices") in its title strip. */
export const SITE_TITLE_FONT_PX = 14;
export const SITE_CAPTION_FONT_PX = 11;
