// When something goes wrong while drawing a screen, the app must not go blank: the screen says what went wrong,
// offers a way back and a way to export everything (the data itself is safe in the database), and the error is
// logged (the desktop keeps a log in the user data folder). Errors nobody caught elsewhere are logged too.
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { platform } from '../platform';
import { exportToFile } from '../features/transfer/transfer';
import { ScreenLoadError } from './screens';

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/** Sends an error to the platform's log, never throwing. */
export function logUncaught(error: unknown, where: string): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  void platform()
    .logError(`${where}: ${detail}`)
    .catch(() => undefined);
}

/** Logs errors that reach the window without being caught. Call once at start-up. */
export function logUncaughtErrors(): void {
  window.addEventListener('error', (event) => logUncaught(event.error ?? event.message, 'uncaught error'));
  window.addEventListener('unhandledrejection', (event) => logUncaught(event.reason, 'unhandled rejection'));
}

function ExportEverything() {
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={async () => setOutcome((await exportToFile(platform())).text)}
      >
        Export everything
      </button>
      {outcome && <p role="status">{outcome}</p>}
    </>
  );
}

/** What a screen shows instead of itself after an error. */
export function ErrorScreen({ error, onBack }: { error: unknown; onBack: () => void }) {
  // A screen whose code could not be loaded is loaded afresh the next time it is opened, now that this says so.
  useEffect(() => {
    if (error instanceof ScreenLoadError) error.tryAgainNextTime();
  }, [error]);
  return (
    <main className="page error-screen" role="alert">
      <h1>This screen could not be shown</h1>
      <p>
        Something went wrong while drawing it: <strong>{describe(error)}</strong>
      </p>
      <p>
        Everything saved so far is kept. You can go back to the inspections, or export everything to a file.
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onBack}>
          Back to inspections
        </button>
        <ExportEverything />
      </div>
    </main>
  );
}

interface BoundaryProps {
  readonly children: ReactNode;
  readonly fallback: (error: unknown, reset: () => void) => ReactNode;
}

/** Catches an error while drawing its children and shows the fallback instead. */
export class ErrorBoundary extends Component<BoundaryProps, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    logUncaught(
      error,
      `screen error${info.componentStack ? ` (${info.componentStack.trim().split('\n')[0]})` : ''}`,
    );
  }

  override render() {
    if (this.state.failed) {
      return this.props.fallback(this.state.error, () => this.setState({ error: null, failed: false }));
    }
    return this.props.children;
  }
}

/** One screen's boundary: going to another address clears the error. */
export function ScreenBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ErrorBoundary
      key={location.pathname}
      fallback={(error, reset) => (
        <ErrorScreen
          error={error}
          onBack={() => {
            window.location.hash = '#/';
            reset();
          }}
        />
      )}
    >
      {children}
    </ErrorBoundary>
  );
}

/** The outermost boundary, around the whole app (even the router). */
export function RootBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <ErrorScreen
          error={error}
          onBack={() => {
            window.location.hash = '#/';
            window.location.reload();
          }}
        />
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
