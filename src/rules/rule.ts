/** What each rule file exports: its metadata (for the UI's "learn why") and its check. */
import type { RuleFn, RuleId, Severity } from './types';

export interface RuleDefinition {
  readonly id: RuleId;
  readonly title: string;
  /** The rule's severity; an uncertain limit lowers an error to a warning. */
  readonly severity: Severity;
  /** One line, attached to each finding. */
  readonly why: string;
  /** Two to four sentences in the product's words: why it matters, and where it comes from. */
  readonly explanation: string;
  readonly source: string;
  readonly run: RuleFn;
  /**
   * The rule reads none of a link's figures (distance, RTT, bandwidth), nor any path, RTT or
   * bottleneck the graph derives from them: after an edit of figures alone (context.ts,
   * `sameButLinkFigures`) its findings are those of the run before, the same objects
   * (revalidate.ts). The property test in kept.test.ts holds it to a full run.
   */
  readonly readsNoLinkFigures?: true;
}
