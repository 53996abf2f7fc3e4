/**
 * The studio and the CLI sort findings alike. It spans two layers (store and cli) that may not
 * import each other, so it lives at the root of src, beside the app's entry points.
 */
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from './cli/main';
import { twoSites } from './rules/testing';
import { findingsFor, validatorReady } from './store/findings';

describe('Findings order', () => {
  it('is the same in the studio and in the CLI: severity, then the rule book, not the alphabet', async () => {
    // The studio loads its validator beside the first screen: no findings until it has.
    await validatorReady;
    // L2-GAP comes before BW-MIGRATION in the rule book, after it in the alphabet.
    const design = twoSites({
      singleDci: true,
      dci: { extendedSegmentIds: [], bandwidthGbps: 0.1 },
    }).build();
    const studio = findingsFor(design).all.map((f) => f.key);
    let out = '';
    const io: CliIo = {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      readFile: () => Promise.resolve(JSON.stringify(design)),
    };
    await run(['validate', 'd.json', '--json'], io);
    const cli = (JSON.parse(out) as { key: string; ruleId: string }[]).map((f) => f.key);
    expect(cli).toEqual(studio);
    const rules = findingsFor(design).all.map((f) => f.ruleId);
    expect(rules.indexOf('L2-GAP')).toBeLessThan(rules.indexOf('BW-MIGRATION'));
    expect(rules.indexOf('BW-MIGRATION')).toBeGreaterThanOrEqual(0);
  });
});
