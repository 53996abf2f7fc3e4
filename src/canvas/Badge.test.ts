import { beforeAll, describe, expect, it } from 'vitest';
import { badgeClass } from './Badge';
import { validatorReady } from '../store/findings';

// The canvas's modules load the validator in the background: let it finish within this file.
beforeAll(() => validatorReady);

describe('A finding badge', () => {
  it('has no blurred shadow (in a zoomed-out site tab it made the canvas composite its layers)', () => {
    for (const worst of ['error', 'warning', 'info'] as const) {
      expect(badgeClass(worst)).not.toMatch(/(^|\s)shadow(-|\s|$)/);
      // Still set apart from the card or tab it sits on, and in its severity's colour.
      expect(badgeClass(worst)).toMatch(/(^|\s)ring-2(\s|$)/);
    }
    expect(badgeClass('error')).toContain('bg-red-600');
    expect(badgeClass('warning')).toContain('bg-amber-500');
  });
});
