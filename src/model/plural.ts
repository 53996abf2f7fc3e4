/**
 * Counted nouns for every text the studio writes (panels, toasts, report, exports, CLI), so no
 * text ever reads "1 devices" or "1 segments lose"; and how a measured figure is written in them.
 */

/**
 * The formatter for counts that are not whole numbers, made once and only when one comes: the
 * same as `n.toLocaleString('en')`, which builds a new formatter on every call in Chromium (16 µs
 * against 0.7 µs). The first one a page makes loads the browser's number data: 30–40 ms in a
 * fresh tab, which a first visit paid before its first render when it was made at import.
 */
let fractionFormat: Intl.NumberFormat | null = null;

/**
 * How counts are written ("1,200"), as `n.toLocaleString('en')` does: whole numbers (what
 * counts are; the findings' messages and the cards' subtitles count thousands of times per
 * validation and render) grouped by hand, anything else through Intl. For a count without its
 * noun ("> 3,840 usable"); `plural` writes one with it.
 */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0))
    return (fractionFormat ??= new Intl.NumberFormat('en')).format(n);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/**
 * A schema's bound as the studio's messages write it (the loader's, an inspector field's):
 * grouped from five digits on ("40,000", "10,000,000"), a shorter one as written ("4094", the
 * last VLAN; "576", the least MTU).
 */
export function boundText(n: number): string {
  return Math.abs(n) >= 10_000 ? countText(n) : String(n);
}

/** "1 device", "7 devices", "1,200 workloads"; `many` for irregular plurals ("1 switch", "2 switches"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${countText(n)} ${n === 1 ? one : many}`;
}

/** Items as a sentence lists them: "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The verb that goes with a count: `agree(1, 'loses', 'lose')` → "loses". */
export function agree(n: number, singular: string, pluralForm: string): string {
  return n === 1 ? singular : pluralForm;
}

/**
 * A measured figure (an RTT, a distance, a bandwidth, a ratio) as every text writes it (the
 * findings' messages, the links' labels on the canvas and in every export, the panels, the
 * report, the CLI): rounded to about three significant digits, without trailing zeros, and a
 * whole one grouped as a count is ("1,500", "12.4", "1.25", "0.555"); "∞" past any bound.
 */
export function figureText(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const rounded = Number(x.toFixed(digits));
  return Math.abs(rounded) >= 1000 ? countText(rounded) : String(rounded);
}

/**
 * A bandwidth given in Gb/s, as every text writes one: in Mb/s below 1 Gb/s ("622 Mb/s"), in
 * Gb/s from it ("10 Gb/s", and "1 Gb/s" for 0.9996, which would round to "1,000 Mb/s");
 * "unlimited" past any bound. `figure` writes the number (the validator passes its remembered
 * figureText).
 */
export function bandwidthText(gbps: number, figure: (x: number) => string = figureText): string {
  if (!Number.isFinite(gbps)) return 'unlimited';
  const mbps = gbps * 1000;
  return Number(mbps.toFixed(0)) < 1000 ? `${figure(mbps)} Mb/s` : `${figure(gbps)} Gb/s`;
}

/**
 * A duration for people, its figure written as figureText writes one: "0.25 s", "63 s",
 * "4.2 min", "1.5 h"; "never" when it never ends. `figure` as for bandwidthText.
 */
export function secondsText(s: number, figure: (x: number) => string = figureText): string {
  if (!Number.isFinite(s)) return 'never';
  if (s >= 3600) return `${figure(s / 3600)} h`;
  if (s >= 120) return `${figure(s / 60)} min`;
  return `${figure(s)} s`;
}
