/**
 * The diagram as a one-page vector PDF, written directly: rectangles, paths and text in PDF
 * operators with the standard Helvetica fonts (every PDF reader has them, nothing embedded).
 * ~250 lines instead of a library: jsPDF or pdf-lib would add 300–500 KB for the same page.
 * Same geometry and colours as the SVG (./svg.ts); 1 diagram pixel = 0.75 pt (96 → 72 dpi).
 */
import { COLORS, svgFrame, TITLE_HEIGHT, type SvgOptions } from './svg';
import { KIND_ICON_COLOR } from './icons';
import { cardLayout } from './cardText';
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
import type { Box, Diagram, Point } from './types';
import { plural } from '../model/plural';
import { LEGEND_LINK_STYLES, LINK_STYLES, linkStyleId } from './linkStyle';

const PT = 0.75;

/** Characters of WinAnsiEncoding beyond ASCII that diagrams use; anything else prints as "?". */
const WIN_ANSI: Readonly<Record<string, number>> = {
  '·': 0xb7,
  '…': 0x85,
  '–': 0x96,
  '—': 0x97,
  '’': 0x92,
  '‘': 0x91,
  '“': 0x93,
  '”': 0x94,
  '×': 0xd7,
  '°': 0xb0,
  µ: 0xb5,
  '✕': 0x78,
};

function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    const byte =
      code >= 32 && code < 127 ? code : (WIN_ANSI[ch] ?? (code >= 160 && code < 256 ? code : 63));
    if (byte === 40 || byte === 41 || byte === 92) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 127) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

function rgb(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  const c = (shift: number) => (((v >> shift) & 255) / 255).toFixed(3);
  return `${c(16)} ${c(8)} ${c(0)}`;
}

const f = (v: number) => (Math.round(v * 100) / 100).toString();

class Page {
  readonly ops: string[] = [];
  constructor(private readonly frame: Box) {}
  /** Diagram coordinates (y down) to PDF points (y up). */
  x(v: number) {
    return f((v - this.frame.x) * PT);
  }
  y(v: number) {
    return f((this.frame.y + this.frame.height - v) * PT);
  }
  roundRect(b: Box, r: number, fill: string | null, stroke: string | null, width = 1, dash = '') {
    const k = 0.5523 * r;
    const { x, y, width: w, height: h } = b;
    const X = (v: number) => this.x(v);
    const Y = (v: number) => this.y(v);
    this.ops.push(
      `${dash ? `[${dash}] 0 d` : '[] 0 d'} ${f(width * PT)} w`,
      fill ? `${rgb(fill)} rg` : '',
      stroke ? `${rgb(stroke)} RG` : '',
      `${X(x + r)} ${Y(y)} m ${X(x + w - r)} ${Y(y)} l`,
      `${X(x + w - r + k)} ${Y(y)} ${X(x + w)} ${Y(y + r - k)} ${X(x + w)} ${Y(y + r)} c`,
      `${X(x + w)} ${Y(y + h - r)} l`,
      `${X(x + w)} ${Y(y + h - r + k)} ${X(x + w - r + k)} ${Y(y + h)} ${X(x + w - r)} ${Y(y + h)} c`,
      `${X(x + r)} ${Y(y + h)} l`,
      `${X(x + r - k)} ${Y(y + h)} ${X(x)} ${Y(y + h - r + k)} ${X(x)} ${Y(y + h - r)} c`,
      `${X(x)} ${Y(y + r)} l`,
      `${X(x)} ${Y(y + r - k)} ${X(x + r - k)} ${Y(y)} ${X(x + r)} ${Y(y)} c`,
      fill && stroke ? 'B' : fill ? 'f' : 'S',
    );
  }
  polyline(points: readonly Point[], stroke: string, width: number, dash = '') {
    const [first, ...rest] = points;
    if (!first) return;
    this.ops.push(
      `${dash ? `[${dash}] 0 d` : '[] 0 d'} ${f(width * PT)} w 1 j ${rgb(stroke)} RG`,
      `${this.x(first.x)} ${this.y(first.y)} m`,
      ...rest.map((p) => `${this.x(p.x)} ${this.y(p.y)} l`),
      'S',
    );
  }
  text(
    x: number,
    y: number,
    content: string,
    size: number,
    color: string,
    bold = false,
    anchor: 'start' | 'middle' | 'end' = 'start',
  ) {
    const w = textWidth(content, size, bold) * 0.92;
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    this.ops.push(
      `BT /${bold ? 'F2' : 'F1'} ${f(size * PT)} Tf ${rgb(color)} rg ${this.x(left)} ${this.y(y)} Td ${pdfString(content)} Tj ET`,
    );
  }
}

/** The diagram as PDF bytes: one page the size of the SVG's frame. */
export function diagramToPdf(diagram: Diagram, options: SvgOptions = {}): Uint8Array {
  const frame = svgFrame(diagram, options);
  const margin = options.margin ?? 24;
  const page = new Page(frame);
  page.ops.push(`${rgb(COLORS.page)} rg 0 0 ${f(frame.width * PT)} ${f(frame.height * PT)} re f`);
  if (options.title) {
    const t = options.title;
    const x = frame.x + margin;
    const y = frame.y + margin / 2;
    page.text(
      x,
      y + 26,
      fitText(t.name || 'Untitled design', frame.width - 300, 20, true),
      20,
      COLORS.text,
      true,
    );
    page.text(x, y + 48, `DCI Studio · ${t.date}`, 12, COLORS.muted);
    const { error, warning, info } = t.counts;
    page.text(
      frame.x + frame.width - margin,
      y + 26,
      `${plural(error, 'error')} · ${plural(warning, 'warning')} · ${info} info`,
      13,
      error > 0 ? COLORS.broken : COLORS.muted,
      true,
      'end',
    );
    page.polyline(
      [
        { x, y: y + TITLE_HEIGHT - 6 },
        { x: frame.x + frame.width - margin, y: y + TITLE_HEIGHT - 6 },
      ],
      COLORS.cardStroke,
      1,
    );
  }
  for (const s of diagram.sites) {
    page.roundRect(s.box, 14, COLORS.siteFill, COLORS.siteStroke[s.role], 2, '6 4');
    const { title } = s;
    page.text(title.x, title.baseline, title.text, SITE_TITLE_FONT_PX, COLORS.text, true);
    page.text(title.captionX, title.baseline, s.caption, SITE_CAPTION_FONT_PX, COLORS.muted);
  }
  const ordered = [
    ...diagram.connectors.filter((c) => c.kind !== 'dci'),
    ...diagram.connectors.filter((c) => c.kind === 'dci'),
  ];
  for (const c of ordered) {
    const broken = c.label?.broken ?? false;
    const style = LINK_STYLES[linkStyleId({ kind: c.kind, l3Only: c.l3Only, broken })];
    page.polyline(c.points, style.stroke, style.widthPx);
  }
  for (const c of ordered) {
    if (!c.label) continue;
    const { box, lines, broken } = c.label;
    page.roundRect(
      box,
      6,
      broken ? COLORS.brokenFill : COLORS.card,
      broken ? COLORS.brokenStroke : COLORS.labelStroke,
    );
    lines.forEach((line, i) => {
      const last = broken && i === lines.length - 1;
      page.text(
        box.x + box.width / 2,
        box.y + LABEL_PAD_Y + LABEL_LINE_PX * i + 12,
        line,
        i === 0 ? 11 : 10.5,
        last ? COLORS.broken : i === 0 ? COLORS.text : COLORS.muted,
        i === 0 || last,
        'middle',
      );
    });
  }
  for (const d of diagram.devices) {
    const { iconBox, name, subtitle } = cardLayout(d.box, d.label, d.subtitles);
    const swatch = 14;
    page.roundRect(d.box, 8, COLORS.card, COLORS.cardStroke);
    page.roundRect(iconBox, 6, COLORS.iconBox, null);
    page.roundRect(
      {
        x: iconBox.x + (iconBox.width - swatch) / 2,
        y: iconBox.y + (iconBox.height - swatch) / 2,
        width: swatch,
        height: swatch,
      },
      3,
      KIND_ICON_COLOR[d.kind],
      null,
    );
    page.text(name.x, name.baseline, name.text, name.fontPx, COLORS.text, true);
    page.text(subtitle.x, subtitle.baseline, subtitle.text, subtitle.fontPx, COLORS.muted);
  }
  for (const note of diagram.notes) {
    const end = note.pointer?.[note.pointer.length - 1];
    if (note.pointer && end) {
      page.polyline(note.pointer, COLORS.noteStroke, 1.5, '3 2');
      const r = NOTE_POINTER_DOT_PX;
      page.roundRect(
        { x: end.x - r, y: end.y - r, width: 2 * r, height: 2 * r },
        r,
        COLORS.noteStroke,
        null,
      );
    }
    page.roundRect(note.box, 4, COLORS.noteFill, COLORS.noteStroke);
    note.lines.forEach((l, i) =>
      page.text(
        note.box.x + NOTE_PAD,
        note.box.y + NOTE_PAD + NOTE_FONT_PX + NOTE_LINE_PX * i,
        l,
        NOTE_FONT_PX,
        COLORS.text,
      ),
    );
  }
  if (options.legend) {
    const x0 = frame.x + margin;
    const y0 = diagram.bounds.y + diagram.bounds.height + margin / 2;
    let at = x0;
    for (const id of LEGEND_LINK_STYLES) {
      const { label, stroke, widthPx } = LINK_STYLES[id];
      page.polyline(
        [
          { x: at, y: y0 + 18 },
          { x: at + 28, y: y0 + 18 },
        ],
        stroke,
        widthPx,
      );
      page.text(at + 34, y0 + 22, label, 11, COLORS.muted);
      at += 34 + textWidth(label, 11) + 20;
    }
  }
  return writePdf(
    page.ops.filter(Boolean).join('\n'),
    frame.width * PT,
    frame.height * PT,
    diagram.name,
  );
}

function writePdf(content: string, width: number, height: number, title: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(width)} ${f(height)}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${latin1Length(content)} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(title || 'DCI Studio diagram')} /Producer (DCI Studio) >>`,
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(latin1Length(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = latin1Length(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

/** Everything written is ASCII except the binary-marker comment (one byte per char). */
function latin1Length(text: string): number {
  return text.length;
}
