/**
 * Counted nouns for every text the studio writes (panels, toasts, report, exports, CLI), so no
 * text ever reads "1 devices" or "1 segments lose".
 */

/** "1 device", "7 devices", "1,200 workloads"; `many` for irregular plurals ("1 switch", "2 switches"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The verb that goes with a count: `agree(1, 'loses', 'lose')` → "loses". */
export function agree(n: number, singular: string, pluralForm: string): string {
  return n === 1 ? singular : pluralForm;
}
