import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropTypedAhead, expectTyping, TYPE_AHEAD_MS, typeAhead, typedAhead } from './typeAhead';

/** A keydown as the studio's handler gets it, noting whether it was stopped. */
function key(k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) {
  const event = {
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
    stopped: false,
    preventDefault() {
      this.stopped = true;
    },
    stopPropagation() {},
  };
  return event;
}
const press = (k: string, mods = {}) => typeAhead(key(k, mods) as unknown as KeyboardEvent);

afterEach(() => {
  dropTypedAhead();
  vi.useRealTimers();
});

describe('Keys typed for a note editor that is still loading', () => {
  it('are the canvas’s when no editor is coming', () => {
    expect(press('n')).toBe(false);
    expect(press('Backspace')).toBe(false);
    expect(typedAhead()).toBe('');
  });

  it('are kept as text once one is: Backspace takes back, Enter starts a line', () => {
    expectTyping();
    for (const k of 'Check n') expect(press(k)).toBe(true);
    expect(press('Backspace')).toBe(true);
    expect(press('Enter')).toBe(true);
    expect(press('X')).toBe(true);
    expect(typedAhead()).toBe('Check \nX');
  });

  it('take nothing from the shortcuts with Ctrl, Cmd or Alt, nor from Shift itself', () => {
    expectTyping();
    expect(press('z', { ctrlKey: true })).toBe(false);
    expect(press('v', { metaKey: true })).toBe(false);
    expect(press('a', { altKey: true })).toBe(false);
    expect(press('Shift')).toBe(false);
    expect(typedAhead()).toBe('');
  });

  it('do nothing else meanwhile: Delete and the arrows leave the selected note alone', () => {
    expectTyping();
    const del = key('Delete');
    expect(typeAhead(del as unknown as KeyboardEvent)).toBe(true);
    expect(del.stopped).toBe(true);
    expect(press('ArrowLeft')).toBe(true);
    expect(typedAhead()).toBe('');
  });

  it('go back to the canvas on Escape, once taken, or after a while with no editor', () => {
    expectTyping();
    press('a');
    expect(press('Escape')).toBe(false);
    expect(press('b')).toBe(false);

    expectTyping();
    press('a');
    dropTypedAhead();
    expect(press('b')).toBe(false);

    vi.useFakeTimers();
    expectTyping();
    press('a');
    vi.advanceTimersByTime(TYPE_AHEAD_MS - 1);
    expect(typedAhead()).toBe('a');
    // A second call (the note added) keeps the text and waits anew.
    expectTyping();
    vi.advanceTimersByTime(TYPE_AHEAD_MS - 1);
    expect(press('b')).toBe(true);
    vi.advanceTimersByTime(2);
    expect(typedAhead()).toBe('');
    expect(press('c')).toBe(false);
  });
});
