/** The legend's key (loaded when the legend is first opened). */
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
      <li className="flex items-center gap-2">
        <Line color="var(--edge-dci)" /> DCI link extending segments (L2)
      </li>
      <li className="flex items-center gap-2">
        <Line color="var(--edge-dci-l3)" width={2} /> DCI link, routed only (L3)
      </li>
      <li className="flex items-center gap-2">
        <Line color="#dc2626" /> DCI link over a latency / bandwidth limit
      </li>
      <li className="flex items-center gap-2">
        <Line color="var(--edge-fabric)" width={1.5} /> Fabric link inside a site
      </li>
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
