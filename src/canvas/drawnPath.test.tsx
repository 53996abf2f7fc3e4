import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { routePath } from '../render/path';
import type { Connector } from '../render/types';
import { useDrawnPath } from './drawnPath';

const point = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
});
const connector = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  points: fc.array(point, { minLength: 2, maxLength: 8 }),
});

function Drawn({ route }: { route: Connector | undefined }) {
  const path = useDrawnPath(route);
  return <path d={path ?? 'none'} />;
}

const drawn = (route: Connector | undefined) =>
  renderToStaticMarkup(
    <svg>
      <Drawn route={route} />
    </svg>,
  );

describe('A drawn route', () => {
  it('is the path routePath writes for it, for any route', () => {
    fc.assert(
      fc.property(connector, (c) => {
        const route = {
          ...c,
          kind: 'fabric',
          source: 'a',
          target: 'b',
          l3Only: false,
          label: null,
        };
        expect(drawn(route as Connector)).toBe(
          renderToStaticMarkup(
            <svg>
              <path d={routePath(c.points)} />
            </svg>,
          ),
        );
      }),
    );
  });

  it('has no path while its edge has no route', () => {
    expect(drawn(undefined)).toContain('d="none"');
  });
});
