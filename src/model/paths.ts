/** Per-link figures of DOMAIN.md §2, shared by the validator and the canvas labels. */
import type { Link, Settings } from './schema';

/** Light in fibre: ≈ 5 µs/km one way ⇒ 0.01 ms of RTT per km. */
export const RTT_MS_PER_KM = 0.01;

/** A link's RTT: the explicit value wins; else distance × 0.01 ms/km plus the hop allowance. */
export function linkRttMs(link: Link, settings: Settings): number {
  if (link.rttMs !== undefined) return link.rttMs;
  if (link.kind === 'dci') return link.distanceKm * RTT_MS_PER_KM + settings.dciHopAllowanceMs;
  return settings.fabricHopAllowanceMs;
}
