/**
 * The Compare marks' ghosts: what only the other version has (a device deleted since it, or one
 * it adds), drawn dashed where it stood, so that the canvas shows where a deletion was and not
 * only the elements still there (store/compareMarks.ts `ghostsOf`). Loaded with the first
 * comparison that has one.
 */
import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { KIND_LABELS } from '../model/defaults';
import { ghostsOf, markedComparison } from '../store/compareMarks';
import { useStudio } from '../store/studio';
import { useUi } from '../store/ui';

export function CompareGhosts() {
  const marks = useUi((s) => s.compareMarks);
  const design = useStudio((s) => s.design);
  const ghosts = useMemo(() => {
    const compared = markedComparison();
    return marks && compared ? ghostsOf(design, compared.other, marks.otherOnly) : [];
  }, [marks, design]);
  if (!marks || ghosts.length === 0) return null;
  // The other version the earlier: removed since it; the later: added in it (the banner's words).
  const tone = marks.otherFirst ? 'removed' : 'added';
  const said = marks.otherFirst ? 'removed since' : 'only in the other version';
  return (
    <ViewportPortal>
      {ghosts.map((g) => (
        <div
          key={g.id}
          data-testid={`compare-ghost.${g.id}`}
          aria-label={`${KIND_LABELS[g.kind]} ${g.label}: ${said}`}
          role="img"
          className={`compare-ghost compare-ghost-${tone} ${g.kind === 'site' ? 'compare-ghost-site' : ''}`}
          style={{
            transform: `translate(${g.box.x}px, ${g.box.y}px)`,
            width: g.box.width,
            height: g.box.height,
          }}
        >
          <span className="compare-ghost-name">{g.label}</span>
          <span className="compare-ghost-said">
            {said} · {KIND_LABELS[g.kind]}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
}
