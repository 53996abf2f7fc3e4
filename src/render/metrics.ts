/**
 * The sizes of the words drawn on a diagram (label and note metrics, a text width estimate),
 * shared by the canvas and every export; the words themselves are in ./text.ts. Apart from
 * them because the canvas sizes notes with these on the first screen, which draws no words.
 */
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
    // An em in Helvetica, Arial and DejaVu Sans: the ellipsis of every cut text.
    else if (ch === '…') units += 1;
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
