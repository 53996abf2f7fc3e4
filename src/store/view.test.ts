import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { initialPanels, NARROW_WINDOW_PX } from './view';

describe('NARROW_WINDOW_PX', () => {
  it("is Tailwind's `lg` breakpoint, which the sidebar's narrow layout follows", () => {
    // The studio's own theme (src/index.css) wins over Tailwind's, when it sets one.
    const breakpoint = (css: string) => /--breakpoint-lg:\s*([\d.]+)rem/u.exec(css)?.[1];
    const own = readFileSync(new URL('../index.css', import.meta.url), 'utf8');
    const tailwind = readFileSync(
      createRequire(import.meta.url).resolve('tailwindcss/theme.css'),
      'utf8',
    );
    const rem = breakpoint(own) ?? breakpoint(tailwind);
    expect(rem).toBeDefined();
    // The root font size is the browser's 16 px (index.css sets none).
    expect(own).not.toMatch(/html\s*\{[^}]*font-size/u);
    expect(Number(rem) * 16).toBe(NARROW_WINDOW_PX);
  });
});

describe('initialPanels', () => {
  it('opens both panels in a wide window when nothing is remembered', () => {
    expect(initialPanels(null, 1440)).toEqual({ paletteCollapsed: false, sidebarCollapsed: false });
    expect(initialPanels(null, NARROW_WINDOW_PX)).toEqual({
      paletteCollapsed: false,
      sidebarCollapsed: false,
    });
  });

  it('folds the palette in a narrow window when nothing is remembered', () => {
    expect(initialPanels(null, 900)).toEqual({ paletteCollapsed: true, sidebarCollapsed: false });
    expect(initialPanels(null, NARROW_WINDOW_PX - 1).paletteCollapsed).toBe(true);
  });

  it('keeps what the user chose, whatever the window', () => {
    const open = JSON.stringify({ palette: false, sidebar: false });
    const folded = JSON.stringify({ palette: true, sidebar: true });
    expect(initialPanels(open, 900)).toEqual({ paletteCollapsed: false, sidebarCollapsed: false });
    expect(initialPanels(folded, 1440)).toEqual({ paletteCollapsed: true, sidebarCollapsed: true });
  });

  it('takes an unreadable remembered text as nothing remembered', () => {
    expect(initialPanels('{oops', 900)).toEqual({
      paletteCollapsed: true,
      sidebarCollapsed: false,
    });
    expect(initialPanels('42', 1440)).toEqual({ paletteCollapsed: false, sidebarCollapsed: false });
  });

  it('opens both panels where the window has no width (tests, the command line)', () => {
    expect(initialPanels(null, undefined)).toEqual({
      paletteCollapsed: false,
      sidebarCollapsed: false,
    });
  });
});
