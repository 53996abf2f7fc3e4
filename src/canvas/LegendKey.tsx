/** The legend's key (loaded when the legend is first opened). */
import { canvasStroke, LEGEND_LINK_STYLES, LINK_STYLES } from '../render/linkStyle';

function Line({ dash, color, width = 3 }: { dash?: string; color: string; width?: number }) {
  return (
    <svg width="34" height="8" aria-hidden className="shrink-0">
      <line
        x1="1"
        y1="4"
        x2="33"
        y2="4"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    </svg>
  );
}

function Dot({ className }: { className: string }) {
  return <span aria-hidden className={`inline-block h-3 w-3 shrink-0 rounded-full ${className}`} />;
}

export function LegendKey() {
  return (
    <ul className="space-y-1 px-2 pb-2">
      {LEGEND_LINK_STYLES.map((id) => (
        <li key={id} className="flex items-center gap-2" data-testid={`legend.${id}`}>
          <Line color={canvasStroke(id)} width={LINK_STYLES[id].widthPx} /> {LINK_STYLES[id].label}
        </li>
      ))}
      <li className="flex items-center gap-2">
        <Line color="#f59e0b" dash="8 4" /> Path of the selected finding (trombone)
      </li>
      <li className="flex items-center gap-2">
        <Line color="#dc2626" dash="3 6" /> Failed in a what-if
      </li>
      <li className="flex items-center gap-2 pt-1">
        <Dot className="bg-red-600" /> error <Dot className="bg-amber-500" /> warning{' '}
        <Dot className="bg-blue-600" /> info — badge: worst finding, count
      </li>
    </ul>
  );
}
