import { Panel } from '@xyflow/react';
import { TriangleAlert } from 'lucide-react';
import { useRoutingFailure } from './routeStore';

/**
 * Said on the canvas while its links cannot be routed (routes.ts): they are drawn as straight
 * lines, which is still the design, only untidy. Stays until routing works again or the user
 * retries; the design and its checks do not depend on it.
 */
export function RoutingNotice() {
  const message = useRoutingFailure((s) => s.message);
  const retry = useRoutingFailure((s) => s.retry);
  if (message === null) return null;
  return (
    <Panel position="top-right" className="no-print">
      <div
        role="status"
        data-testid="routing-notice"
        className="flex max-w-sm items-start gap-2 rounded-lg border border-amber-300 bg-amber-50/95 px-3 py-2 text-xs text-amber-900 shadow-sm dark:border-amber-700 dark:bg-amber-950/90 dark:text-amber-100"
      >
        <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
        <p className="min-w-0">
          <span className="font-medium">Links are drawn as straight lines:</span> the link router
          failed ({message}). The design and its checks are not affected.
        </p>
        {retry && (
          <button
            type="button"
            className="shrink-0 rounded border border-amber-400 px-2 py-0.5 font-medium hover:bg-amber-100 dark:border-amber-600 dark:hover:bg-amber-900"
            onClick={retry}
          >
            Retry
          </button>
        )}
      </div>
    </Panel>
  );
}
