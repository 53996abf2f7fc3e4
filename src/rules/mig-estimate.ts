/** The pre-copy estimate of each move, computed once per run for MIG-CONVERGE and MIG-DOWNTIME. */
import type { Placement } from './context';
import { estimateMove } from './migration';
import type { RuleContext } from './types';

type Estimate = ReturnType<typeof estimateMove>;
const cache = new WeakMap<RuleContext, Map<Placement, Estimate>>();

export function estimateFor(ctx: RuleContext, p: Placement): Estimate {
  let perCtx = cache.get(ctx);
  if (!perCtx) cache.set(ctx, (perCtx = new Map()));
  if (perCtx.has(p)) return perCtx.get(p) ?? null;
  const e = estimateMove(ctx.graph, p.workload, p.from, p.cluster);
  perCtx.set(p, e);
  return e;
}

export const LIMITED_BY_LABEL = {
  path: 'the path bottleneck',
  'link-share': 'its share of the path',
  nic: 'the vMotion NIC',
  'throughput-cap': 'the hypervisor default throughput cap',
  'tcp-window': 'the TCP window over this RTT',
} as const;
