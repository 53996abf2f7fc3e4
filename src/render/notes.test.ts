import { describe, expect, it } from 'vitest';
import { boxesOverlap, polylineCrossesBox } from './geom';
import { connectorAnchorBox, freeNoteSpot, notePointer } from './callouts';
import { noteLayout, wrapText } from './notes';
import {
  NOTE_LINE_PX,
  NOTE_MAX_LINES,
  NOTE_MAX_WIDTH,
  NOTE_MIN_WIDTH,
  NOTE_PAD,
  textWidth,
} from './metrics';

const INNER = NOTE_MAX_WIDTH - 2 * NOTE_PAD;

describe('Note text wrapping', () => {
  it('keeps a short text on one line', () => {
    expect(wrapText('Check MTU', INNER, 12)).toEqual(['Check MTU']);
  });
  it('breaks at spaces so that no line is wider than the box', () => {
    const lines = wrapText(
      'The DCI between both sites must carry VLAN 100 and VLAN 200 with BPDU filtering on',
      INNER,
      12,
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(INNER);
    expect(lines.join(' ')).toBe(
      'The DCI between both sites must carry VLAN 100 and VLAN 200 with BPDU filtering on',
    );
  });
  it('keeps the writer’s line breaks, empty lines included', () => {
    expect(wrapText('one\n\nthree', INNER, 12)).toEqual(['one', '', 'three']);
  });
  it('breaks a word longer than a line (a URL) where it reaches the edge, losing nothing', () => {
    const url = `https://wiki.example.com/${'network/'.repeat(12)}dci.html`;
    const lines = wrapText(`see ${url}`, INNER, 12);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(INNER);
    expect(lines.join('')).toBe(`see${url}`);
  });
  it('draws at most NOTE_MAX_LINES lines', () => {
    expect(wrapText('x\n'.repeat(100), INNER, 12)).toHaveLength(NOTE_MAX_LINES);
  });
});

describe('Note layout', () => {
  it('gives an empty note the smallest box, one line high', () => {
    expect(noteLayout('')).toEqual({
      lines: [''],
      width: NOTE_MIN_WIDTH,
      height: NOTE_LINE_PX + 2 * NOTE_PAD,
    });
  });
  it('grows with its text up to the widest box, then in height', () => {
    const short = noteLayout('A few words here');
    const long = noteLayout('A few words here and many more words after them, wrapped');
    expect(short.width).toBeGreaterThan(NOTE_MIN_WIDTH);
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.width).toBeLessThanOrEqual(NOTE_MAX_WIDTH);
    expect(long.width).toBeGreaterThan(short.width);
    expect(long.height).toBe(long.lines.length * NOTE_LINE_PX + 2 * NOTE_PAD);
  });
});

describe('Callout pointer', () => {
  const note = { x: 0, y: 0, width: 100, height: 40 };
  it('runs from the note’s border to the target’s border, never inside either', () => {
    const target = { x: 300, y: 0, width: 100, height: 40 };
    expect(notePointer(note, target)).toEqual([
      { x: 100, y: 20 },
      { x: 300, y: 20 },
    ]);
  });
  it('follows the target: moved, the pointer ends on its new border', () => {
    const target = { x: 0, y: 200, width: 100, height: 40 };
    expect(notePointer(note, target)).toEqual([
      { x: 50, y: 40 },
      { x: 50, y: 200 },
    ]);
  });
  it('points at a link’s label, or at the middle of its route when it has none', () => {
    const label = { box: { x: 5, y: 6, width: 7, height: 8 }, lines: [], broken: false };
    expect(connectorAnchorBox({ points: [], label })).toEqual(label.box);
    expect(
      connectorAnchorBox({
        points: [
          { x: 0, y: 0 },
          { x: 100, y: 0 },
          { x: 100, y: 100 },
        ],
        label: null,
      }),
    ).toEqual({ x: 99, y: -1, width: 2, height: 2 });
  });
});

describe('A place for a new note (freeNoteSpot)', () => {
  const size = { width: 100, height: 40 };
  it('takes the preferred place when it covers nothing', () => {
    expect(freeNoteSpot(size, { x: 0, y: 0 }, { boxes: [], lines: [] })).toEqual({ x: 0, y: 0 });
  });
  it('moves off a box, and off a line, to the nearest free place', () => {
    const device = { x: 0, y: 0, width: 168, height: 56 };
    const spot = freeNoteSpot(size, { x: 10, y: 10 }, { boxes: [device], lines: [] });
    expect(boxesOverlap({ ...spot, ...size }, device)).toBe(false);
    expect(Math.hypot(spot.x - 10, spot.y - 10)).toBeLessThan(120);
    const line = [
      { x: -500, y: 30 },
      { x: 500, y: 30 },
    ];
    const off = freeNoteSpot(size, { x: 0, y: 0 }, { boxes: [], lines: [line] });
    expect(polylineCrossesBox(line, { ...off, ...size })).toBe(false);
  });
  it('for a callout, prefers a place whose pointer crosses no other box', () => {
    const target = { x: 0, y: 200, width: 168, height: 56 };
    const between = { x: 0, y: 100, width: 168, height: 56 };
    const obstacles = { boxes: [target, between], lines: [] };
    const spot = freeNoteSpot(size, { x: 30, y: 0 }, obstacles, target);
    const pointer = notePointer({ ...spot, ...size }, target);
    expect(polylineCrossesBox(pointer, between)).toBe(false);
  });
  it('is the same place for the same drawing', () => {
    const obstacles = { boxes: [{ x: 0, y: 0, width: 300, height: 300 }], lines: [] };
    expect(freeNoteSpot(size, { x: 50, y: 50 }, obstacles)).toEqual(
      freeNoteSpot(size, { x: 50, y: 50 }, obstacles),
    );
  });
});
