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
