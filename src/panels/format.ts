/** A duration for people: "0.25 s", "63 s", "4.2 min", "1.5 h"; "never" when it never ends. */
export function fmtSeconds(s: number): string {
  if (!Number.isFinite(s)) return 'never';
  if (s >= 3600) return `${(s / 3600).toFixed(1)} h`;
  if (s >= 120) return `${(s / 60).toFixed(1)} min`;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}
