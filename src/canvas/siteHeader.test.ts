import { beforeAll, describe, expect, it } from 'vitest';
import { siteHeaderScale } from './SiteNode';
import { FAR_ZOOM } from './DeviceNode';
import { validatorReady } from '../store/findings';

// The canvas's modules load the validator in the background: let it finish within this file.
beforeAll(() => validatorReady);

describe("A site's header zoomed out", () => {
  it('keeps its size at a working zoom', () => {
    expect(siteHeaderScale(1)).toBe(1);
    expect(siteHeaderScale(FAR_ZOOM)).toBe(1);
  });

  it('reads at about 0.8 of its size however far out, down to fit view on a large estate (2 %)', () => {
    for (const zoom of [0.39, 0.23, 0.15, 0.05, 0.02, 0.01]) {
      const onScreen = siteHeaderScale(zoom) * zoom;
      expect(onScreen, `at ${zoom * 100} %`).toBeGreaterThan(0.7);
      expect(onScreen, `at ${zoom * 100} %`).toBeLessThan(0.9);
    }
  });
});
