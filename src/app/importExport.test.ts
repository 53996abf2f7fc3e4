import { describe, expect, it } from 'vitest';
import { imageSize } from './importExport';
import { isLinkFragment } from './linkFragment';

describe('Link fragments in the address bar', () => {
  it('are recognised for edit and view-only links, alone or after other parts', () => {
    expect(isLinkFragment('#d=1.abc')).toBe(true);
    expect(isLinkFragment('#v=1.abc')).toBe(true);
    expect(isLinkFragment('#panel=2&d=1.abc')).toBe(true);
  });

  it('leave other fragments alone', () => {
    expect(isLinkFragment('')).toBe(false);
    expect(isLinkFragment('#')).toBe(false);
    expect(isLinkFragment('#findings')).toBe(false);
    expect(isLinkFragment('#dd=1.abc')).toBe(false);
  });
});

describe('Exported image size', () => {
  it('keeps the drawing’s size at the chosen scale', () => {
    const size = imageSize({ width: 1080, height: 680 }, 2);
    expect(size).toEqual({ width: 1080, height: 680, pixelRatio: 2 });
  });

  it('lowers the scale when the browser could not draw so large a canvas', () => {
    const size = imageSize({ width: 20_000, height: 12_000 }, 3);
    expect(size.pixelRatio).toBeLessThan(1);
    expect(size.width * size.pixelRatio).toBeLessThanOrEqual(16_000);
    expect(size.width * size.height * size.pixelRatio ** 2).toBeLessThanOrEqual(
      120_000_000 * (1 + 1e-9),
    );
  });
});
