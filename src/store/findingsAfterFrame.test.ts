import { describe, expect, it, vi } from 'vitest';

// The validator's chunk arrives after the stored design was handed over, before the render that
// draws it (main.tsx): as on a first visit, where the design's check takes long.
let release: () => void = () => {};
const arrived = new Promise<void>((resolve) => (release = resolve));
vi.mock('../rules/index', async (importOriginal) => {
  await arrived;
  return importOriginal();
});

describe('The validator arriving while a design opens', () => {
  it('validates it after the next frame, not in the task that could draw it first', async () => {
    const { useStudio } = await import('./studio');
    const { useValidated, validatorReady } = await import('./findings');
    const { TEMPLATES } = await import('../model/templates');
    const template = TEMPLATES.find((t) => t.id === 'metro-metrocluster');
    if (!template) throw new Error('no metro-metrocluster template');
    useStudio.getState().replaceDesign(template.build());

    release();
    // The validator's module is there: the render the page scheduled would run now.
    await import('../rules/revalidate');
    await Promise.resolve();
    expect(useValidated.getState().ready).toBe(false);

    // Frames later the design's findings are there.
    await validatorReady;
    expect(useValidated.getState()).toMatchObject({
      ready: true,
      design: useStudio.getState().design,
    });
  });
});
