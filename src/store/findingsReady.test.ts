import { describe, expect, it, vi } from 'vitest';

// The validator's chunk arrives late, as it can on a busy machine: after the restored design
// has reached the validated store.
let release: () => void = () => {};
const arrived = new Promise<void>((resolve) => (release = resolve));
vi.mock('../rules/index', async (importOriginal) => {
  await arrived;
  return importOriginal();
});

describe('Findings shown before the validator has loaded', () => {
  it('change for a component once it has loaded, though the design it shows is the same', async () => {
    const { useStudio } = await import('./studio');
    const { selectFindings, useValidated, validatorReady } = await import('./findings');
    const { TEMPLATES } = await import('../model/templates');
    const template = TEMPLATES.find((t) => t.id === 'metro-metrocluster');
    if (!template) throw new Error('no metro-metrocluster template');
    useStudio.getState().replaceDesign(template.build());
    // The design is handed to the validated store (after a frame) while the rules still load.
    await vi.waitFor(() =>
      expect(useValidated.getState().design).toBe(useStudio.getState().design),
    );
    const before = selectFindings(useValidated.getState());
    expect(before.counts).toEqual({ error: 0, warning: 0, info: 0 });

    // What a component subscribed with the selector receives when the validator is ready:
    // like React's store hook, it keeps the value it selected and compares the new one to it.
    const seen: number[] = [];
    let selected = before;
    const unsubscribe = useValidated.subscribe((state) => {
      const now = selectFindings(state);
      if (now !== selected) seen.push(now.counts.warning);
      selected = now;
    });
    release();
    await validatorReady;
    unsubscribe();
    expect(seen.length).toBe(1);
    expect(seen[0]).toBeGreaterThan(0);
  });
});
