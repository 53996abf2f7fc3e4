import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { badgeClass, badgeTitle, FindingBadge } from './Badge';
import { validatorReady } from '../store/findings';
import type { Finding } from '../rules/types';

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

const finding = (key: string, message: string): Finding => ({
  key,
  ruleId: 'TROMBONE-GW',
  severity: 'warning',
  message,
  why: 'A routed path crosses the DCI twice.',
  source: 'seed',
  elementIds: ['s0'],
  fixes: [],
});

describe('A finding badge’s tooltip', () => {
  it('is not drawn with the badge, so a changed message changes nothing on the canvas', () => {
    const badge = (km: number) =>
      renderToStaticMarkup(
        createElement(FindingBadge, {
          findings: [finding('a', `RTT over ${km} km`), finding('b', 'MTU 1500 < 9000')],
          elementId: 's0',
        }),
      );
    expect(badge(77)).not.toContain('title=');
    expect(badge(78)).toBe(badge(77));
    // What the count and severity show still changes it.
    expect(badge(77)).toContain('>2<');
    expect(badge(77)).toContain('data-severity="warning"');
  });

  it('reads the first six findings’ rule and message, and how many more there are', () => {
    const many = Array.from({ length: 8 }, (_, i) => finding(`k${i}`, `message ${i}`));
    const lines = badgeTitle(many).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('TROMBONE-GW: message 0');
    expect(lines[6]).toBe('… and 2 more');
  });
});
