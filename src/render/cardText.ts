/**
 * The words on a device's card: its name and subtitle beside the kind's icon. One layout for
 * the canvas and every export, so a name reads the same on the screen, in the SVG, the PNG and
 * the PDF.
 *
 * A card is DEVICE_SIZE wide, and names such as "ams-dci-edge-1" and "ams-dci-edge-2" differ in
 * their last characters: cut at the end, the two cards of a pair read alike. So a long name is
 * first set smaller (13, then 12, then 11 px), and a name too long even at 11 px that ends in a
 * short part is cut in the middle, keeping its end.
 */
import { DEVICE_SIZE } from '../model/defaults';
import { fitText, textWidth } from './metrics';
import type { Box } from './types';

/** The icon box: 32 px, 10 px in from the card's left edge. */
const CARD_ICON_X = 10;
const CARD_ICON_PX = 32;
/** Where the name and subtitle start, from the card's left edge: the icon box, then 10 px. */
const CARD_TEXT_X = CARD_ICON_X + CARD_ICON_PX + 10;
/** The width the words may take: to 10 px short of the card's right edge. */
export const CARD_TEXT_ROOM = DEVICE_SIZE.width - CARD_TEXT_X - 10;
const SMALLEST_NAME_PX = 11;
/** The name's sizes, largest first: a name takes the first it fits at. */
export const CARD_NAME_FONTS_PX = [13, 12, SMALLEST_NAME_PX] as const;
/** The subtitle's sizes: a wording is set smaller only when no wording fits at 11 px. */
export const CARD_SUBTITLE_FONTS_PX = [11, 10] as const;

export interface CardName {
  /** The name as drawn: whole, or cut in the middle with an ellipsis. */
  readonly text: string;
  readonly fontPx: (typeof CARD_NAME_FONTS_PX)[number];
}

export interface CardSubtitle {
  readonly text: string;
  readonly fontPx: (typeof CARD_SUBTITLE_FONTS_PX)[number];
}

/**
 * A card's subtitle: the first of its wordings (text.ts `deviceSubtitles`, most explicit first)
 * that fits at 11 px, else at 10 px; else the last, shortest, cut at the end. "vSphere 6.0+ ·
 * 8 hosts" was cut to "vSphere 6.0+ · 8 h…": it reads "8 × vSphere 6+".
 */
export function cardSubtitle(wordings: readonly string[]): CardSubtitle {
  // A design's thousand cards share a few dozen subtitles ("Spine", "L2 trunked"): each is
  // measured once.
  const key = wordings.join('\n');
  const known = fittedSubtitles.get(key);
  if (known) return known;
  const fitted = fitSubtitle(wordings);
  if (fittedSubtitles.size >= MAX_FITTED_SUBTITLES) fittedSubtitles.clear();
  fittedSubtitles.set(key, fitted);
  return fitted;
}

const MAX_FITTED_SUBTITLES = 1000;
const fittedSubtitles = new Map<string, CardSubtitle>();

function fitSubtitle(wordings: readonly string[]): CardSubtitle {
  for (const fontPx of CARD_SUBTITLE_FONTS_PX)
    for (const text of wordings)
      if (textWidth(text, fontPx) <= CARD_TEXT_ROOM) return { text, fontPx };
  const fontPx = CARD_SUBTITLE_FONTS_PX[0];
  return { text: fitText(wordings.at(-1) ?? '', CARD_TEXT_ROOM, fontPx), fontPx };
}

/** A line of a card's words as the exports draw it: where it starts, its baseline, its size. */
export interface CardLine {
  readonly x: number;
  readonly baseline: number;
  readonly text: string;
  readonly fontPx: number;
}

/** Where the exports draw a card's icon box, name and subtitle, for a card at `box`. */
export interface CardLayout {
  /** The rounded box behind the kind's icon; the icon is drawn at its centre. */
  readonly iconBox: Box;
  readonly name: CardLine;
  readonly subtitle: CardLine;
}

/**
 * The card at `box` as the exports (svg.ts, pdf.ts) draw it: the icon box at the left, centred
 * on the card's height; the name above the middle, the subtitle below it, each fitted to the
 * room beside the icon. The canvas lays out the same card with CSS (DeviceNode.tsx).
 */
export function cardLayout(box: Box, label: string, subtitles: readonly string[]): CardLayout {
  const middle = box.y + box.height / 2;
  const x = box.x + CARD_TEXT_X;
  const name = cardName(label);
  const subtitle = cardSubtitle(subtitles);
  return {
    iconBox: {
      x: box.x + CARD_ICON_X,
      y: middle - CARD_ICON_PX / 2,
      width: CARD_ICON_PX,
      height: CARD_ICON_PX,
    },
    name: { x, baseline: middle - 3, text: name.text, fontPx: name.fontPx },
    subtitle: { x, baseline: middle + 13, text: subtitle.text, fontPx: subtitle.fontPx },
  };
}

/** Characters kept at the end of a name cut in the middle (fewer in a short name). */
const KEPT_END = 6;
/**
 * A name whose last part (after its last space, "-", "_", "." or "/") is this short or shorter
 * ends in what tells it from its siblings ("-1", "-b", " 02"): it is cut in the middle. Any
 * other name reads from its start ("ams-fw (inter-site cluster)"): it is cut at the end.
 */
const SHORT_LAST_PART = 4;

/**
 * The name of a card, at the largest size it fits at; else at the smallest, cut in the middle
 * when its end tells it apart, at the end otherwise.
 */
export function cardName(name: string): CardName {
  for (const fontPx of CARD_NAME_FONTS_PX)
    if (textWidth(name, fontPx, true) <= CARD_TEXT_ROOM) return { text: name, fontPx };
  const fontPx = SMALLEST_NAME_PX;
  const chars = [...name];
  const lastPart = /[^\s\-_./]*$/u.exec(name)?.[0] ?? '';
  const end =
    lastPart.length > 0 && [...lastPart].length <= SHORT_LAST_PART
      ? chars.slice(-Math.min(KEPT_END, Math.floor(chars.length / 3))).join('')
      : '';
  let head = chars.slice(0, chars.length - [...end].length);
  while (head.length > 1 && textWidth(`${head.join('')}…${end}`, fontPx, true) > CARD_TEXT_ROOM)
    head = head.slice(0, -1);
  return { text: `${head.join('').trimEnd()}…${end}`, fontPx };
}

const SMALLEST_FAR_NAME_PX = 18;
/**
 * Zoomed out (canvas/canvasFlags.ts), a card shows its name alone, in large type on up to two
 * lines (index.css `.device-far-name`: 24 px, 8 px in from each side of the card's 2 px border).
 * A word wider than the card was split mid-word ("MetroClus|ter A"): a name is set at the
 * largest of these sizes at which each of its words fits a line (a hyphenated name breaks after
 * its hyphens), at the smallest otherwise.
 */
export const FAR_NAME_FONTS_PX = [24, 20, SMALLEST_FAR_NAME_PX] as const;
const FAR_NAME_ROOM = DEVICE_SIZE.width - 2 * 2 - 2 * 8;

/** The size of a card's name zoomed out. */
export function farNameFont(name: string): (typeof FAR_NAME_FONTS_PX)[number] {
  const words = name.split(/\s+|(?<=-)/u);
  for (const fontPx of FAR_NAME_FONTS_PX)
    if (words.every((word) => textWidth(word, fontPx, true) <= FAR_NAME_ROOM)) return fontPx;
  return SMALLEST_FAR_NAME_PX;
}
