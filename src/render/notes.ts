/**
 * The geometry of whiteboard notes, with ./callouts.ts: how a note's text wraps and the size of
 * its box. The canvas draws notes with these while the user types; the exports draw them
 * through renderDiagram. Plain TypeScript.
 */
import {
  NOTE_FONT_PX,
  NOTE_LINE_PX,
  NOTE_MAX_LINES,
  NOTE_MAX_WIDTH,
  NOTE_MIN_WIDTH,
  NOTE_PAD,
  textWidth,
} from './metrics';

/**
 * Lines of at most `maxWidth` px, broken at spaces; a word longer than a line (a URL, a path)
 * is broken where it reaches the edge, so no line ever runs out of its box.
 */
export function wrapText(text: string, maxWidth: number, fontPx: number): string[] {
  const lines: string[] = [];
  const fits = (s: string) => textWidth(s, fontPx) <= maxWidth;
  for (const paragraph of text.split(/\r?\n/u)) {
    let line = '';
    for (let word of paragraph.split(/\s+/u).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      while (!fits(word)) {
        const chars = [...word];
        let cut = 1;
        while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut++;
        lines.push(chars.slice(0, cut).join(''));
        word = chars.slice(cut).join('');
      }
      line = word;
    }
    lines.push(line);
  }
  return lines.slice(0, NOTE_MAX_LINES);
}

/** A note's wrapped lines and the size of its box: the canvas and every export draw this. */
export function noteLayout(text: string): {
  lines: string[];
  width: number;
  height: number;
} {
  const lines = wrapText(text, NOTE_MAX_WIDTH - 2 * NOTE_PAD, NOTE_FONT_PX);
  const width = Math.max(
    NOTE_MIN_WIDTH,
    Math.min(
      NOTE_MAX_WIDTH,
      Math.ceil(Math.max(...lines.map((l) => textWidth(l, NOTE_FONT_PX)))) + 2 * NOTE_PAD,
    ),
  );
  return { lines, width, height: lines.length * NOTE_LINE_PX + 2 * NOTE_PAD };
}
