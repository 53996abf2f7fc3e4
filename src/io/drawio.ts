/**
 * The diagram as a draw.io file (mxGraph XML, uncompressed): sites are containers, devices are
 * rounded shapes inside them with their name and subtitle, links are orthogonal edges with
 * their label and the router's waypoints, notes are note shapes. draw.io opens it as it is,
 * and exports it on to Visio (.vsdx). Pure string work, from the shared geometry.
 */
import { COLORS, escapeXml } from '../render/svg';
import type { Diagram } from '../render/types';
import { KIND_ICON_COLOR } from '../render/icons';
import { LINK_STYLES, linkStyleId } from '../render/linkStyle';

const n = (v: number) => String(Math.round(v * 10) / 10);

/** Attribute text; draw.io reads "&#xa;" as a line break in a plain-text value. */
const attr = (text: string) => escapeXml(text).replaceAll('\n', '&#xa;');

function style(entries: Record<string, string | number>): string {
  return Object.entries(entries)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

export function diagramToDrawio(diagram: Diagram): string {
  const cells: string[] = ['<mxCell id="dci-root"/>', '<mxCell id="dci-layer" parent="dci-root"/>'];
  const siteBoxes = new Map(diagram.sites.map((s) => [s.id, s.box]));
  const vertexIds = new Set([...diagram.sites, ...diagram.devices].map((v) => v.id));
  for (const site of diagram.sites) {
    const { x, y, width, height } = site.box;
    cells.push(
      `<mxCell id="${attr(site.id)}" value="${attr(site.label)}" style="${style({
        swimlane: 0,
        container: 1,
        collapsible: 0,
        rounded: 1,
        arcSize: 4,
        dashed: 1,
        fillColor: COLORS.siteFill,
        strokeColor: COLORS.siteStroke[site.role],
        strokeWidth: 2,
        verticalAlign: 'top',
        align: 'left',
        spacingLeft: 12,
        spacingTop: 6,
        fontStyle: 1,
        fontSize: 14,
        html: 0,
      })}" vertex="1" parent="dci-layer"><mxGeometry x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" as="geometry"/></mxCell>`,
    );
  }
  for (const device of diagram.devices) {
    const site = siteBoxes.get(device.siteId);
    const { x, y, width, height } = device.box;
    cells.push(
      `<mxCell id="${attr(device.id)}" value="${attr(`${device.label}\n${device.subtitles[0]}`)}" style="${style(
        {
          rounded: 1,
          arcSize: 14,
          whiteSpace: 'wrap',
          html: 0,
          fillColor: COLORS.card,
          strokeColor: KIND_ICON_COLOR[device.kind],
          fontColor: COLORS.text,
          fontSize: 12,
        },
      )}" vertex="1" parent="${site ? attr(device.siteId) : 'dci-layer'}"><mxGeometry x="${n(site ? x - site.x : x)}" y="${n(site ? y - site.y : y)}" width="${n(width)}" height="${n(height)}" as="geometry"/></mxCell>`,
    );
  }
  for (const c of diagram.connectors) {
    const dci = c.kind === 'dci';
    const waypoints = c.points.slice(1, -1);
    const label = c.label ? c.label.lines.join('\n') : '';
    const line =
      LINK_STYLES[
        linkStyleId({ kind: c.kind, l3Only: c.l3Only, broken: c.label?.broken ?? false })
      ];
    cells.push(
      `<mxCell id="${attr(c.id)}" value="${attr(label)}" style="${style({
        edgeStyle: 'orthogonalEdgeStyle',
        rounded: 1,
        html: 0,
        endArrow: 'none',
        strokeColor: line.stroke,
        strokeWidth: line.widthPx,
        dashed: 0,
        fontSize: 10,
        labelBackgroundColor: '#ffffff',
        labelBorderColor: dci ? COLORS.labelStroke : 'none',
      })}" edge="1" parent="dci-layer" source="${attr(c.source)}" target="${attr(c.target)}">` +
        `<mxGeometry relative="1" as="geometry">` +
        (waypoints.length > 0
          ? `<Array as="points">${waypoints.map((p) => `<mxPoint x="${n(p.x)}" y="${n(p.y)}"/>`).join('')}</Array>`
          : '') +
        `</mxGeometry></mxCell>`,
    );
  }
  for (const note of diagram.notes) {
    const { x, y, width, height } = note.box;
    cells.push(
      `<mxCell id="${attr(note.id)}" value="${attr(note.lines.join('\n'))}" style="${style({
        shape: 'note',
        size: 10,
        whiteSpace: 'wrap',
        html: 0,
        align: 'left',
        verticalAlign: 'top',
        spacing: 8,
        fillColor: COLORS.noteFill,
        strokeColor: COLORS.noteStroke,
        fontSize: 12,
      })}" vertex="1" parent="dci-layer"><mxGeometry x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" as="geometry"/></mxCell>`,
    );
    // The callout: an edge to the shape it points at, or, for a link (an edge itself), to the
    // point where the drawing's pointer ends.
    const end = note.pointer?.[note.pointer.length - 1];
    if (note.targetId && end) {
      const toShape = vertexIds.has(note.targetId);
      cells.push(
        `<mxCell id="${attr(`${note.id}.callout`)}" style="${style({
          endArrow: 'oval',
          endSize: 6,
          endFill: 1,
          dashed: 1,
          html: 0,
          strokeColor: COLORS.noteStroke,
        })}" edge="1" parent="dci-layer" source="${attr(note.id)}"${toShape ? ` target="${attr(note.targetId)}"` : ''}>` +
          `<mxGeometry relative="1" as="geometry">` +
          (toShape ? '' : `<mxPoint x="${n(end.x)}" y="${n(end.y)}" as="targetPoint"/>`) +
          `</mxGeometry></mxCell>`,
      );
    }
  }
  const b = diagram.bounds;
  return (
    `<mxfile host="DCI Studio" type="device">` +
    `<diagram id="dci-studio" name="${attr(diagram.name || 'DCI Studio diagram')}">` +
    `<mxGraphModel dx="${n(b.x)}" dy="${n(b.y)}" grid="1" gridSize="16" guides="1" page="0" math="0" shadow="0">` +
    `<root>\n${cells.join('\n')}\n</root></mxGraphModel></diagram></mxfile>\n`
  );
}
