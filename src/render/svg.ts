/**
 * The diagram as a plain SVG document: real <rect>, <path> and <text> (no <foreignObject>, no
 * CSS classes), so PowerPoint, Inkscape, Visio, browsers and rsvg-convert all draw the same
 * thing. Every element is a <g data-element-id="…">. Pure string work: runs in the CLI too.
 */
import { cardLayout } from './cardText';
import { KIND_ICON_COLOR, KIND_ICON_SVG } from './icons';
import { routePath } from './path';
import {
  fitText,
  LABEL_LINE_PX,
  LABEL_PAD_Y,
  NOTE_FONT_PX,
  NOTE_LINE_PX,
  NOTE_PAD,
  NOTE_POINTER_DOT_PX,
  SITE_CAPTION_FONT_PX,
  SITE_TITLE_FONT_PX,
  textWidth,
} from './metrics';
import type { Box, Connector, DeviceShape, Diagram, NoteShape, SiteShape } from './types';
import { plural } from '../model/plural';
import { LEGEND_LINK_STYLES, LINK_STYLES, linkStyleId } from './linkStyle';

/** Fonts most machines have, ending with the generic family every renderer resolves. */
export const FONT_STACK =
  "Inter, 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";

export interface TitleBlock {
  readonly name: string;
  /** ISO date (YYYY-MM-DD) shown under the name. */
  readonly date: string;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
}

export interface SvgOptions {
  /** A title block above the drawing: design name, date, finding counts. */
  readonly title?: TitleBlock | null;
  /** A legend below the drawing: line styles and device kinds. */
  readonly legend?: boolean;
  /** Margin around everything, in diagram pixels. */
  readonly margin?: number;
}

export const COLORS = {
  page: '#ffffff',
  siteFill: '#f1f5f9',
  siteStroke: { dc: '#94a3b8', witness: '#a78bfa', cloud: '#38bdf8' },
  card: '#ffffff',
  cardStroke: '#cbd5e1',
  iconBox: '#f1f5f9',
  text: '#1e293b',
  muted: '#64748b',
  dci: LINK_STYLES['dci-l2'].stroke,
  fabric: LINK_STYLES.fabric.stroke,
  broken: LINK_STYLES['dci-broken'].stroke,
  labelStroke: '#99f6e4',
  brokenFill: '#fef2f2',
  brokenStroke: '#fca5a5',
  noteFill: '#fef9c3',
  noteStroke: '#eab308',
} as const;

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const n = (v: number) => String(Math.round(v * 10) / 10);

function text(
  x: number,
  y: number,
  content: string,
  attrs: { size: number; weight?: number; fill?: string; anchor?: 'start' | 'middle' | 'end' },
): string {
  return (
    `<text x="${n(x)}" y="${n(y)}" font-size="${attrs.size}"` +
    (attrs.weight ? ` font-weight="${attrs.weight}"` : '') +
    ` fill="${attrs.fill ?? COLORS.text}"` +
    (attrs.anchor && attrs.anchor !== 'start' ? ` text-anchor="${attrs.anchor}"` : '') +
    `>${escapeXml(content)}</text>`
  );
}

function icon(kind: keyof typeof KIND_ICON_SVG, x: number, y: number, size: number): string {
  const s = size / 24;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${s})" fill="none" ` +
    `stroke="${KIND_ICON_COLOR[kind]}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">` +
    `${KIND_ICON_SVG[kind]}</g>`
  );
}

function siteSvg(site: SiteShape): string {
  const { x, y, width, height } = site.box;
  const { title } = site;
  return (
    `<g id="${escapeXml(site.id)}" data-element-id="${escapeXml(site.id)}" data-kind="site">` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="14" ` +
    `fill="${COLORS.siteFill}" fill-opacity="0.6" stroke="${COLORS.siteStroke[site.role]}" ` +
    `stroke-width="2" stroke-dasharray="8 5"/>` +
    icon('site', x + 12, y + 11, 16) +
    text(title.x, title.baseline, title.text, { size: SITE_TITLE_FONT_PX, weight: 600 }) +
    text(title.captionX, title.baseline, site.caption, {
      size: SITE_CAPTION_FONT_PX,
      fill: COLORS.muted,
    }) +
    `</g>`
  );
}

function deviceSvg(device: DeviceShape): string {
  const { x, y, width, height } = device.box;
  const { iconBox, name, subtitle } = cardLayout(device.box, device.label, device.subtitles);
  const glyph = 18;
  return (
    `<g id="${escapeXml(device.id)}" data-element-id="${escapeXml(device.id)}" data-kind="${device.kind}">` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="8" ` +
    `fill="${COLORS.card}" stroke="${COLORS.cardStroke}"/>` +
    `<rect x="${n(iconBox.x)}" y="${n(iconBox.y)}" width="${n(iconBox.width)}" height="${n(iconBox.height)}" rx="6" fill="${COLORS.iconBox}"/>` +
    icon(
      device.kind,
      iconBox.x + (iconBox.width - glyph) / 2,
      iconBox.y + (iconBox.height - glyph) / 2,
      glyph,
    ) +
    text(name.x, name.baseline, name.text, { size: name.fontPx, weight: 600 }) +
    text(subtitle.x, subtitle.baseline, subtitle.text, {
      size: subtitle.fontPx,
      fill: COLORS.muted,
    }) +
    `</g>`
  );
}

function connectorSvg(c: Connector): string {
  const broken = c.label?.broken ?? false;
  const style = LINK_STYLES[linkStyleId({ kind: c.kind, l3Only: c.l3Only, broken })];
  const path =
    `<path d="${routePath(c.points)}" fill="none" stroke="${style.stroke}" ` +
    `stroke-width="${style.widthPx}" stroke-linejoin="round"/>`;
  return (
    `<g id="${escapeXml(c.id)}" data-element-id="${escapeXml(c.id)}" data-kind="${c.kind}">${path}` +
    (c.label ? labelSvg(c.label.box, c.label.lines, broken) : '') +
    `</g>`
  );
}

function labelSvg(box: Box, lines: readonly string[], broken: boolean): string {
  const cx = box.x + box.width / 2;
  let out =
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6" ` +
    `fill="${broken ? COLORS.brokenFill : COLORS.card}" stroke="${broken ? COLORS.brokenStroke : COLORS.labelStroke}"/>`;
  lines.forEach((line, i) => {
    const y = box.y + LABEL_PAD_Y + LABEL_LINE_PX * i + 12;
    const last = i === lines.length - 1 && broken;
    out += text(cx, y, line, {
      size: i === 0 ? 11 : 10.5,
      weight: i === 0 || last ? 600 : 400,
      fill: last ? COLORS.broken : i === 0 ? COLORS.text : COLORS.muted,
      anchor: 'middle',
    });
  });
  return out;
}

function noteSvg(note: NoteShape): string {
  const { x, y, width, height } = note.box;
  const end = note.pointer?.[note.pointer.length - 1];
  const pointer =
    note.pointer && end
      ? `<path d="${routePath(note.pointer, 0)}" fill="none" stroke="${COLORS.noteStroke}" stroke-width="1.5" stroke-dasharray="4 3"/>` +
        `<circle cx="${n(end.x)}" cy="${n(end.y)}" r="${NOTE_POINTER_DOT_PX}" fill="${COLORS.noteStroke}"/>`
      : '';
  return (
    `<g id="${escapeXml(note.id)}" data-element-id="${escapeXml(note.id)}" data-kind="note">${pointer}` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="4" ` +
    `fill="${COLORS.noteFill}" stroke="${COLORS.noteStroke}"/>` +
    note.lines
      .map((l, i) =>
        text(x + NOTE_PAD, y + NOTE_PAD + NOTE_LINE_PX * i + NOTE_FONT_PX, l, {
          size: NOTE_FONT_PX,
        }),
      )
      .join('') +
    `</g>`
  );
}

export const TITLE_HEIGHT = 64;
export const LEGEND_HEIGHT = 64;

function titleSvg(title: TitleBlock, x: number, y: number, width: number): string {
  const { error, warning, info } = title.counts;
  const counts = `${plural(error, 'error')} · ${plural(warning, 'warning')} · ${info} info`;
  return (
    `<g data-part="title">` +
    text(x, y + 26, fitText(title.name || 'Untitled design', width - 260, 20, true), {
      size: 20,
      weight: 700,
    }) +
    text(x, y + 48, `DCI Studio · ${title.date}`, { size: 12, fill: COLORS.muted }) +
    text(x + width, y + 26, counts, {
      size: 13,
      weight: 600,
      fill: error > 0 ? COLORS.broken : COLORS.muted,
      anchor: 'end',
    }) +
    `<line x1="${n(x)}" y1="${n(y + TITLE_HEIGHT - 6)}" x2="${n(x + width)}" y2="${n(y + TITLE_HEIGHT - 6)}" stroke="${COLORS.cardStroke}"/>` +
    `</g>`
  );
}

const LEGEND_KINDS = [
  ['spine', 'Spine'],
  ['tor', 'ToR / leaf'],
  ['border', 'Border'],
  ['cluster', 'Host cluster'],
  ['array', 'Storage'],
  ['firewall', 'Firewall'],
  ['witness', 'Witness'],
] as const;

function legendSvg(x: number, y: number): string {
  let out = `<g data-part="legend">`;
  let at = x;
  for (const id of LEGEND_LINK_STYLES) {
    const l = LINK_STYLES[id];
    out +=
      `<line x1="${n(at)}" y1="${n(y + 18)}" x2="${n(at + 28)}" y2="${n(y + 18)}" stroke="${l.stroke}" ` +
      `stroke-width="${l.widthPx}"/>` +
      text(at + 34, y + 22, l.label, { size: 11, fill: COLORS.muted });
    at += 34 + textWidth(l.label, 11) + 20;
  }
  at = x;
  for (const [kind, label] of LEGEND_KINDS) {
    out +=
      icon(kind, at, y + 34, 14) + text(at + 18, y + 46, label, { size: 11, fill: COLORS.muted });
    at += 18 + textWidth(label, 11) + 18;
  }
  return `${out}</g>`;
}

/** The page an SVG of this diagram covers, in diagram coordinates. */
export function svgFrame(diagram: Diagram, options: SvgOptions = {}): Box {
  const margin = options.margin ?? 24;
  const b = diagram.bounds;
  const top = options.title ? TITLE_HEIGHT : 0;
  const bottom = options.legend ? LEGEND_HEIGHT : 0;
  return {
    x: b.x - margin,
    y: b.y - margin - top,
    width: Math.max(b.width, options.legend ? 620 : 0, options.title ? 480 : 0) + 2 * margin,
    height: b.height + 2 * margin + top + bottom,
  };
}

/** The whole SVG document (without the embedded design: src/io/svg.ts adds it). */
export function diagramToSvg(diagram: Diagram, options: SvgOptions = {}): string {
  const margin = options.margin ?? 24;
  const frame = svgFrame(diagram, options);
  const b = diagram.bounds;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(frame.width)}" height="${n(frame.height)}" ` +
      `viewBox="${n(frame.x)} ${n(frame.y)} ${n(frame.width)} ${n(frame.height)}" ` +
      `font-family="${escapeXml(FONT_STACK)}">`,
    `<title>${escapeXml(diagram.name || 'DCI Studio diagram')}</title>`,
    `<rect data-part="page" x="${n(frame.x)}" y="${n(frame.y)}" width="${n(frame.width)}" height="${n(frame.height)}" fill="${COLORS.page}"/>`,
  ];
  if (options.title)
    parts.push(
      titleSvg(options.title, frame.x + margin, frame.y + margin / 2, frame.width - 2 * margin),
    );
  parts.push(`<g data-part="sites">${diagram.sites.map(siteSvg).join('')}</g>`);
  // Links under the devices, labels (inside each link's group) over the links.
  const fabric = diagram.connectors.filter((c) => c.kind !== 'dci');
  const dci = diagram.connectors.filter((c) => c.kind === 'dci');
  parts.push(`<g data-part="links">${[...fabric, ...dci].map(connectorSvg).join('')}</g>`);
  parts.push(`<g data-part="devices">${diagram.devices.map(deviceSvg).join('')}</g>`);
  if (diagram.notes.length > 0)
    parts.push(`<g data-part="notes">${diagram.notes.map(noteSvg).join('')}</g>`);
  if (options.legend) parts.push(legendSvg(frame.x + margin, b.y + b.height + margin / 2));
  parts.push('</svg>');
  return parts.join('\n');
}
