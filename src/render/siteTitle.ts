/**
 * A site's title strip: its icon, its name and the caption "Data center · 7 devices". One
 * layout for the exports (at the site's width) and the canvas (at the width the strip has once
 * it is scaled up against a far zoom), so the two never disagree and nothing overlaps.
 */
import type { DesignNode, Site } from '../model/schema';
import { plural } from '../model/plural';
import { fitText, SITE_CAPTION_FONT_PX, SITE_TITLE_FONT_PX, textWidth } from './metrics';

export const SITE_ROLE_LABELS = {
  dc: 'Data center',
  witness: 'Witness site',
  cloud: 'Cloud',
} as const;

/**
 * Zoomed out, a strip narrower than this, or than its name needs (siteNameStripPx), may reach
 * past the site's right edge (a narrow site), short of the next site.
 */
export const SITE_FAR_STRIP_MIN_PX = 168;
/** Where the name starts: the 16 px site icon at 12 px, then 6 px. */
export const SITE_TITLE_X = 34;
/** Space between the name and the caption. */
const CAPTION_GAP_PX = 10;
/** A name cut shorter than this reads as noise: the caption gives way to it. */
const MIN_TITLE_PX = 120;
/**
 * The strip's right end: its 12 px of padding, and on the canvas the slot of its findings badge
 * before it (a 6 px gap, 4 px of padding).
 */
const RIGHT_PAD_PX = 12 + 6 + 4;
/** The canvas's findings badge in that slot, on a site with findings ("9", "156"). */
const BADGE_PX = 28;

export interface SiteTitleLayout {
  /** The name as drawn, cut with an ellipsis to its room. */
  readonly text: string;
  /** The caption, or '' where the strip has no room for it beside a readable name. */
  readonly caption: string;
  /** Offsets from the strip's left edge. */
  readonly captionX: number;
  /** Where the last word drawn ends. */
  readonly end: number;
}

/** A site's name as drawn: its label, or a word for a site without one. */
export function siteName(label: string): string {
  return label || 'Unnamed site';
}

export function siteCaption(role: Site['role'], deviceCount: number): string {
  return `${SITE_ROLE_LABELS[role]} · ${plural(deviceCount, 'device')}`;
}

/**
 * The strip of a site `widthPx` wide: name then caption, or the name alone when narrow. `badge`:
 * the strip ends in the canvas's findings badge (the exports draw none).
 */
export function siteTitleLayout(
  label: string,
  role: Site['role'],
  deviceCount: number,
  widthPx: number,
  badge = false,
): SiteTitleLayout {
  const name = siteName(label);
  const caption = siteCaption(role, deviceCount);
  const right = RIGHT_PAD_PX + (badge ? BADGE_PX : 0);
  const room =
    widthPx - SITE_TITLE_X - CAPTION_GAP_PX - textWidth(caption, SITE_CAPTION_FONT_PX) - right;
  const text = fitText(name, room, SITE_TITLE_FONT_PX, true);
  const captionX = SITE_TITLE_X + CAPTION_GAP_PX + textWidth(text, SITE_TITLE_FONT_PX, true);
  const end = captionX + textWidth(caption, SITE_CAPTION_FONT_PX);
  const alone = fitText(name, widthPx - SITE_TITLE_X - right, SITE_TITLE_FONT_PX, true);
  // The name whole rather than beside the caption ("DC1 Amster…  Data center · 9 devices"
  // zoomed out); a name cut even alone keeps the caption beside it, unless cut to noise.
  if (text === name || (alone !== name && room >= MIN_TITLE_PX))
    return { text, caption, captionX, end };
  const aloneEnd = SITE_TITLE_X + textWidth(alone, SITE_TITLE_FONT_PX, true);
  return { text: alone, caption: '', captionX: aloneEnd, end: aloneEnd };
}

/**
 * The width a strip needs to draw a site's name whole, alone (and the canvas's badge), with room
 * for a bold font up to 8 % wider than the estimate (DejaVu Sans Bold draws "DC1 Amsterdam" at
 * 127 px, estimated 123).
 */
export function siteNameStripPx(label: string, badge = false): number {
  const name = textWidth(siteName(label), SITE_TITLE_FONT_PX, true);
  return SITE_TITLE_X + Math.ceil(name * 1.08) + RIGHT_PAD_PX + (badge ? BADGE_PX : 0);
}

/**
 * How far right of each site's left edge its title may reach before the next site on its row
 * (a site to its right whose box or title band overlaps its own, vertically); Infinity when
 * none. Zoomed out, a narrow site's title may be wider than the site, up to there. Computed
 * once per nodes array (the canvas asks on every store update).
 */
const roomCache = new WeakMap<readonly DesignNode[], ReadonlyMap<string, number>>();
export function roomRightOfSites(nodes: readonly DesignNode[]): ReadonlyMap<string, number> {
  const cached = roomCache.get(nodes);
  if (cached) return cached;
  const sites = nodes.filter((n): n is Site => n.kind === 'site');
  const room = new Map<string, number>();
  for (const s of sites) {
    let right = Infinity;
    for (const o of sites)
      if (
        o.position.x > s.position.x &&
        o.position.y < s.position.y + s.height &&
        o.position.y + o.height > s.position.y - s.height
      )
        right = Math.min(right, o.position.x - s.position.x);
    room.set(s.id, right);
  }
  roomCache.set(nodes, room);
  return room;
}
