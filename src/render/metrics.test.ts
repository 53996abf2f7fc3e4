import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from './metrics';

describe('The text width estimate', () => {
  it('counts the ellipsis of a cut text as an em, as Helvetica, Arial and DejaVu Sans draw it', () => {
    expect(textWidth('…', 14)).toBe(14);
    // With the ellipsis at 0.56 em, "Witness Utrec…" (14 px bold) was estimated at 119 px and
    // drawn 125 px wide in Chromium: past its room, the browser cut it again.
    const cut = fitText('Witness Utrecht', 110, 14, true);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 14, true)).toBeLessThanOrEqual(110);
    expect(cut).toBe('Witness Utr…');
  });
});
