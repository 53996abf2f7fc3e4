import { lazy, Suspense } from 'react';
import { useUi } from '../store/ui';

const ToastList = lazy(() => import('./ToastList').then((m) => ({ default: m.ToastList })));

/**
 * Where toasts appear: a live region, on screen from the start (a screen reader announces what
 * is added to a region it already knows); the toasts' own code loads with the first one.
 */
export function Toasts() {
  const any = useUi((s) => s.toasts.length > 0);
  // Above the Compare banner (CompareBanner.tsx, 4rem up from the canvas's foot) while it is
  // shown: stacked over it, a few toasts hid which version the marks were of.
  const overBanner = useUi((s) => s.compareMarks !== null);
  return (
    <div
      className={`pointer-events-none fixed ${overBanner ? 'bottom-28' : 'bottom-4'} left-1/2 z-[60] flex w-[min(560px,90vw)] -translate-x-1/2 flex-col gap-2`}
      aria-live="polite"
    >
      {any && (
        <Suspense fallback={null}>
          <ToastList />
        </Suspense>
      )}
    </div>
  );
}
