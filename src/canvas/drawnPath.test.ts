import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routePath } from '../render/path';
import type { Connector } from '../render/types';
import { drawnPath } from './drawnPath';

const point = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
});
const connector = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  points: fc.array(point, { minLength: 2, maxLength: 8 }),
});

describe('A route drawn once', () => {
  it('is the path routePath writes for it, on every call, for any routes drawn in any order', () => {
    fc.assert(
      fc.property(fc.array(connector, { minLength: 1, maxLength: 6 }), fc.nat(), (made, seed) => {
        const routes = made.map(
          (c) =>
            ({
              ...c,
              kind: 'fabric',
              source: 'a',
              target: 'b',
              l3Only: false,
              label: null,
            }) as Connector,
        );
        for (let round = 0; round < 3; round++)
          for (let i = 0; i < routes.length; i++) {
            const route = routes[(i + seed + round) % routes.length] as Connector;
            expect(drawnPath(route)).toBe(routePath(route.points));
          }
      }),
    );
  });
});
