/**
 * The studio's last line: every rule runs during render, so one exception anywhere would blank
 * the page. This boundary catches it, saves the design at once (autosave is debounced), and
 * shows the recovery screen (Recovery.tsx: what happened, a reload, the design as a file, a
 * way out when the design itself trips the bug on every load), which loads on first use. If
 * that cannot load either (the error was a chunk that did not load), a plain message with a
 * reload stands in for it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

type RecoveryView = typeof import('./Recovery').Recovery;

interface State {
  readonly error: Error | null;
  readonly Recovery: RecoveryView | null;
  readonly recoveryMissing: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, Recovery: null, recoveryMissing: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Store the design (and any typed edit) now, not when the autosave's debounce ends.
    void import('../store/persistence').then((m) => m.flushDesign());
    console.error('DCI Studio stopped on an error:', error, info.componentStack);
    if (!this.state.Recovery)
      void import('./Recovery').then(
        (m) => this.setState({ Recovery: m.Recovery }),
        () => this.setState({ recoveryMissing: true }),
      );
  }

  private recovered = (): void => this.setState({ error: null });

  override render(): ReactNode {
    const { error, Recovery, recoveryMissing } = this.state;
    if (!error) return this.props.children;
    if (Recovery) return <Recovery error={error} onRecovered={this.recovered} />;
    if (!recoveryMissing) return null;
    return (
      <div className="p-8 text-sm" data-testid="recovery" role="alert">
        <p>
          The studio stopped on a bug: <span data-testid="recovery.error">{error.message}</span>
        </p>
        <button
          type="button"
          className="mt-3 rounded-md bg-teal-700 px-3 py-1.5 font-medium text-white"
          data-testid="recovery.reload"
          onClick={() => window.location.reload()}
        >
          Reload the studio
        </button>
      </div>
    );
  }
}
