import { finding } from './context';
import type { RuleDefinition } from './rule';
import { describePair, stretchedPairs } from './stretch';
import type { Finding, RuleContext } from './types';

const why =
  'When the DCI is cut, both halves of a stretched system are alive and cannot tell a link failure from a site failure: only a witness in a third site can decide who carries on.';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const pair of stretchedPairs(ctx)) {
    const arbitrated = index.witnesses.some(
      (w) =>
        !graph.isDead(w.id) &&
        w.parentId !== pair.siteA &&
        w.parentId !== pair.siteB &&
        (w.arbitrates.includes(pair.a) || w.arbitrates.includes(pair.b)),
    );
    if (arbitrated) continue;
    out.push(
      finding(ctx, {
        ruleId: 'RES-WITNESS',
        severity: 'error',
        message: `${capitalise(describePair(ctx, pair))} between ${index.label(pair.siteA)} and ${index.label(pair.siteB)} has no witness in a third site`,
        why,
        source: 'Vendor requirements (VPLEX Witness, ONTAP Mediator, vSAN witness, vMSC)',
        elementIds: [pair.a, pair.b, pair.siteA, pair.siteB],
        fixes: [
          {
            label: 'Add a witness site that arbitrates them',
            action: { type: 'add-witness-site', arbitrates: [pair.a, pair.b] },
          },
        ],
      }),
    );
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const resWitnessRule: RuleDefinition = {
  id: 'RES-WITNESS',
  title: 'Stretched system without a third-site witness',
  severity: 'error',
  why,
  explanation:
    'Synchronously replicated storage and stretched clusters must decide, when the DCI fails, which site keeps serving: without a tie-breaker both sites either stop (no one has quorum) or both continue (split brain). VPLEX Witness, ONTAP Mediator, vSAN witness hosts and vMSC all put that tie-breaker in a third site reached over its own paths. A witness inside one of the two data sites fails with that site.',
  source: 'Vendor requirements',
  run,
  readsNoLinkFigures: true,
};
