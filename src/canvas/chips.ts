/**
 * How many workload chips a cluster's card shows before a "+N" chip: as many as fit the row
 * under the card at their width, so that no chip is squeezed to two letters ("ap…" for both
 * "app-01" and "app-db"). Widths are the text estimate of the exports (render/metrics.ts).
 */
import { DEVICE_SIZE } from '../model/defaults';
import { countText } from '../model/plural';
import { textWidth } from '../render/metrics';

/** Chips at most on a card, however short their names. */
export const MAX_CHIPS = 3;
/** A chip's text: 10 px (Tailwind `text-[10px]`). */
const CHIP_FONT_PX = 10;
/** A chip's padding and border, both sides (`px-1`, `border`). */
const CHIP_INSET_PX = 2 * 4 + 2 * 1;
/** A chip's widest (`max-w-20`): a longer name is cut with an ellipsis. */
const CHIP_MAX_PX = 80;
/** Between chips (`gap-1`). */
const CHIP_GAP_PX = 4;
/** The row: the card's width less 8 px each side (`left-2`, `max-w-[calc(100%-16px)]`). */
const ROW_PX = DEVICE_SIZE.width - 16;

function chipWidth(text: string): number {
  return Math.min(CHIP_MAX_PX, textWidth(text, CHIP_FONT_PX) + CHIP_INSET_PX);
}

/** The "+N" chip's text for `hidden` more workloads. */
export function moreChipText(hidden: number): string {
  return `+${countText(hidden)}`;
}

/** How many of `names` (in order) a card shows as chips; the rest go in one "+N" chip. */
export function chipsShown(names: readonly string[]): number {
  const widths = names.slice(0, MAX_CHIPS).map(chipWidth);
  for (let shown = widths.length; shown > 1; shown--) {
    const hidden = names.length - shown;
    let used = widths.slice(0, shown).reduce((sum, w) => sum + w, 0) + CHIP_GAP_PX * (shown - 1);
    if (hidden > 0) used += CHIP_GAP_PX + chipWidth(moreChipText(hidden));
    if (used <= ROW_PX) return shown;
  }
  return Math.min(1, names.length);
}
