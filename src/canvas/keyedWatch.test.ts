import { describe, expect, it } from 'vitest';
import { keyedWatch } from './keyedWatch';

describe('keyedWatch', () => {
  it('tells only the ids it is told of, every watched id when none are named, none once unsubscribed', () => {
    const values = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const watch = keyedWatch((id) => values.get(id) ?? 0, 0);
    const heard: string[] = [];
    const stopA = watch.watch('a', () => heard.push('a'));
    watch.watch('b', () => heard.push('b'));
    watch.tell(['b']);
    expect(heard).toEqual(['b']);
    watch.tell();
    expect(heard).toEqual(['b', 'a', 'b']);
    stopA();
    watch.tell(['a']);
    expect(heard).toEqual(['b', 'a', 'b']);
  });
});

describe('keyedWatch across a remount in one commit', () => {
  it("tells the new element, which rendered before the old one's cleanup and subscribed after it", () => {
    const watch = keyedWatch(() => 1, 0);
    const heard: string[] = [];
    // The old element, drawn and subscribed.
    const stopOld = watch.watcher('a').subscribe(() => heard.push('old'));
    // The new one renders (with the functions the old one subscribed through), then the commit
    // runs the old one's cleanup before the new one's subscription, as React runs them.
    const rendered = watch.watcher('a');
    stopOld();
    rendered.subscribe(() => heard.push('new'));
    watch.tell(['a']);
    expect(heard).toEqual(['new']);
    watch.tell();
    expect(heard).toEqual(['new', 'new']);
  });

  it('tells an element subscribed, cleaned up and subscribed again with the same functions (StrictMode)', () => {
    const watch = keyedWatch(() => 1, 0);
    const heard: string[] = [];
    // What React does to each element it mounts in development: the effect, its cleanup, the
    // effect again, all with the functions the render got.
    const rendered = watch.watcher('a');
    const stop = rendered.subscribe(() => heard.push('first'));
    stop();
    rendered.subscribe(() => heard.push('again'));
    watch.tell(['a']);
    expect(heard).toEqual(['again']);
    // A render after it gets the same functions: no resubscription.
    expect(watch.watcher('a')).toBe(rendered);
  });

  it('keeps the same functions for an id while it has subscribers, and drops them after', () => {
    const watch = keyedWatch(() => 1, 0);
    const first = watch.watcher('a');
    const stop = first.subscribe(() => {});
    expect(watch.watcher('a')).toBe(first);
    stop();
    expect(watch.watcher('a')).not.toBe(first);
  });
});
