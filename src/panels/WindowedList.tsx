import { useState, type ReactNode } from 'react';

/**
 * A scrolling list that renders only the rows in view (plus a few), for lists of hundreds of
 * findings. Hand-rolled rather than a library: rows here have one fixed height, which makes
 * windowing a dozen lines; a library would add bytes for variable sizes and grids we do not use.
 */
export function WindowedList<T>({
  items,
  rowHeight,
  maxHeight,
  getKey,
  renderRow,
  testId,
}: {
  items: readonly T[];
  rowHeight: number;
  maxHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  testId?: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const height = Math.min(maxHeight, items.length * rowHeight);
  const overscan = 4;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return (
    <div
      className="overflow-y-auto"
      style={{ height }}
      data-testid={testId}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul className="relative" style={{ height: items.length * rowHeight }}>
        {items.slice(first, last).map((item, i) => (
          <li
            key={getKey(item)}
            className="absolute inset-x-0"
            style={{ top: (first + i) * rowHeight, height: rowHeight }}
          >
            {renderRow(item, first + i)}
          </li>
        ))}
      </ul>
    </div>
  );
}
