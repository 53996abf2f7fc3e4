/**
 * Inside the canvas: everyone else's cursor and selection, drawn in flow coordinates (so they
 * sit on the same element whatever each person's zoom), and my pointer sent to the room.
 */
import { useReactFlow, useStore, ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { nodeBoxes } from '../../model/placement';
import { useStudio } from '../../store/studio';
import { moveMyCursor } from '../cursor';
import { useRoom, type Person } from '../state';

function useSendMyCursor(active: boolean) {
  const { screenToFlowPosition } = useReactFlow();
  const dom = useStore((s) => s.domNode);
  useEffect(() => {
    if (!active || !dom) return;
    const move = (e: PointerEvent) =>
      moveMyCursor(screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    const leave = () => moveMyCursor(null);
    dom.addEventListener('pointermove', move);
    dom.addEventListener('pointerleave', leave);
    return () => {
      dom.removeEventListener('pointermove', move);
      dom.removeEventListener('pointerleave', leave);
    };
  }, [active, dom, screenToFlowPosition]);
}

function Cursor({ person }: { person: Person }) {
  if (!person.cursor) return null;
  return (
    <div
      data-testid="room.cursor"
      data-name={person.name}
      className="pointer-events-none absolute"
      style={{ transform: `translate(${person.cursor.x}px, ${person.cursor.y}px)`, zIndex: 1000 }}
    >
      <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden>
        <path
          d="M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.5 10 L13 10 Z"
          fill={person.color}
          stroke="white"
          strokeWidth="1.2"
        />
      </svg>
      <span
        className="absolute top-4 left-3 rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap text-white shadow-sm"
        style={{ background: person.color }}
      >
        {person.name}
      </span>
    </div>
  );
}

export function RoomOverlay() {
  const active = useRoom((s) => s.status !== 'idle');
  const people = useRoom((s) => s.people);
  const design = useStudio((s) => s.design);
  const boxes = useMemo(() => nodeBoxes(design), [design]);
  useSendMyCursor(active);
  if (!active || people.length === 0) return null;
  return (
    <ViewportPortal>
      {people.flatMap((p) =>
        p.selection.flatMap((id) => {
          const box = boxes.get(id);
          return box
            ? [
                <div
                  key={`${p.clientId}:${id}`}
                  data-testid="room.selection"
                  data-name={p.name}
                  data-element={id}
                  className="pointer-events-none absolute rounded-lg"
                  style={{
                    transform: `translate(${box.x - 4}px, ${box.y - 4}px)`,
                    width: box.width + 8,
                    height: box.height + 8,
                    border: `2px solid ${p.color}`,
                    zIndex: 999,
                  }}
                />,
              ]
            : [];
        }),
      )}
      {people.map((p) => (
        <Cursor key={p.clientId} person={p} />
      ))}
    </ViewportPortal>
  );
}
