/**
 * The words drawn on a diagram — device subtitles, link figures, site captions — in one place,
 * so the canvas and every export say the same thing. Plain text, never markup.
 */
import {
  L2_EXTENSION_LABELS,
  PRODUCT_CARD_LABELS,
  PRODUCT_LABELS,
  PROFILE_CARD_LABELS,
  PROFILE_LABELS,
  TRANSPORT_LABELS,
} from '../model/catalogLabels';
import { KIND_LABELS } from '../model/defaults';
import { linkRttMs } from '../model/paths';
import type { DciLink, DesignNode, Settings } from '../model/schema';
import type { Finding } from '../rules/types';
import { bandwidthText, countText, figureText, plural } from '../model/plural';

/**
 * "12.4 ms > 10 ms" from a finding that measured something against a limit; the sign follows
 * the figures ("1 Gb/s < 2 Gb/s" for a bottleneck, "28 Gb/s > 10 Gb/s" for a demand).
 */
export function limitText(f: Finding): string | null {
  if (f.measured === undefined || f.limit === undefined) return null;
  const unit = f.unit ? ` ${f.unit}` : '';
  const figure = (x: number) => (f.unit === 'Gb/s' ? bandwidthText(x) : `${figureText(x)}${unit}`);
  return `${figure(f.measured)} ${f.measured < f.limit ? '<' : '>'} ${figure(f.limit)}`;
}

/** The latency or bandwidth finding a DCI link shows on its label (errors first). */
export function limitFinding(findings: readonly Finding[]): Finding | undefined {
  const limited = (f: Finding) => f.ruleId.startsWith('LAT') || f.ruleId.startsWith('BW');
  return (
    findings.find((f) => limited(f) && f.severity === 'error') ?? findings.find((f) => limited(f))
  );
}

/**
 * A short second line that says what matters about the device at a glance, in every wording
 * it has, the most explicit first: a card shows the first that fits it (cardText.ts
 * `cardSubtitle`), a tooltip and draw.io (which wraps) the first.
 */
export function deviceSubtitles(element: DesignNode): readonly [string, ...string[]] {
  switch (element.kind) {
    case 'tor': {
      const features = [
        element.overlay ? 'EVPN' : null,
        element.anycastGateway ? 'anycast GW' : null,
      ];
      const boundary = element.boundary === 'l3' ? 'L3' : 'L2';
      return distinct(
        joined(element.boundary === 'l3' ? 'L3 at ToR' : 'L2 trunked', ...features),
        joined(boundary, ...features),
        joined(boundary, features[0] ?? null, element.anycastGateway ? 'anycast' : null),
      );
    }
    case 'cluster':
      return [
        joined(withoutAside(PROFILE_LABELS[element.profile]), plural(element.hosts, 'host')),
        `${countText(element.hosts)} × ${PROFILE_CARD_LABELS[element.profile]}`,
        PROFILE_CARD_LABELS[element.profile],
      ];
    case 'array':
      return distinct(
        withoutAside(PRODUCT_LABELS[element.product]),
        PRODUCT_CARD_LABELS[element.product],
      );
    case 'firewall': {
      const state = element.stateful ? 'stateful' : 'stateless';
      return element.stateSynced
        ? [joined(state, 'state-synced'), joined(state, 'synced')]
        : [state];
    }
    case 'witness':
      return [`arbitrates ${element.arbitrates.length}`];
    default:
      return [KIND_LABELS[element.kind]];
  }
}

const joined = (...parts: readonly (string | null)[]) => parts.filter(Boolean).join(' · ');
/** "NetApp MetroCluster (FC / IP)" → "NetApp MetroCluster". */
const withoutAside = (label: string) => label.replace(/ \(.*\)$/u, '');
const distinct = (first: string, ...rest: string[]): readonly [string, ...string[]] => [
  first,
  ...new Set(rest.filter((x) => x !== first)),
];

/** The figures line of a DCI link: "80 km · 0.9 ms · 10 Gb/s". */
export function dciFigures(link: DciLink, settings: Settings): string {
  const rtt = linkRttMs(link, settings);
  return (
    `${figureText(link.distanceKm)} km · ${figureText(rtt)} ms` +
    `${link.rttMs === undefined ? '' : ' (set)'} · ${bandwidthText(link.bandwidthGbps)}`
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
