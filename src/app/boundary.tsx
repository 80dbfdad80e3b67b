import {
  Component,
  type ComponentType,
  type ErrorInfo,
  Fragment,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
} from 'react';
import { useMessages } from '../i18n/react';
import { shorten } from '../scenario/text';
import { viewStore } from '../store/view';

/**
 * Nothing blank, ever (issue 15): every view and every lazily loaded chunk sits inside an
 * ErrorBoundary that shows what failed, in words from the catalog, with Retry and a way back to
 * the simulator. A lazy chunk that failed to load (offline, a redeploy) is fetched again on Retry:
 * React.lazy keeps a rejected import forever, so `lazyRetry` makes a fresh one.
 */

const resetters = new Set<() => void>();

/** React.lazy whose failed import is tried again after `retryFailedLoads()`. */
export function lazyRetry<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let failed = false;
  const make = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(() =>
      load().catch((e: unknown) => {
        failed = true;
        throw e;
      }),
    );
  let Current = make();
  resetters.add(() => {
    if (!failed) return;
    failed = false;
    Current = make();
  });
  // biome-ignore lint/correctness/noComponentHookFactories: called once per chunk at module level, never during a render.
  function Retryable(props: P) {
    return <Current {...props} />;
  }
  return Retryable;
}

/** Makes every lazy chunk whose import failed import again on its next render. */
export function retryFailedLoads(): void {
  for (const r of resetters) r();
}

/** Whether an error is a chunk that could not be fetched (as the browsers word it). */
export function isLoadError(e: unknown): boolean {
  const m = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /dynamically imported module|module script|Failed to fetch|ChunkLoadError|Loading chunk|error loading/i.test(
    m,
  );
}

interface Props {
  children: ReactNode;
  /** A whole view: offer the way back to the simulator. */
  view?: boolean;
  /** A small control (a header action): a Retry button only. */
  compact?: boolean;
}

export class ErrorBoundary extends Component<Props, { error: unknown; attempt: number }> {
  state = { error: null as unknown, attempt: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the console; the person sees the message below.
    console.error(error, info.componentStack);
  }

  retry = () => {
    retryFailedLoads();
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  back = () => {
    const v = viewStore.getState();
    v.helpToggled(false);
    v.viewSwitched('simulator');
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  render(): ReactNode {
    if (this.state.error !== null)
      return (
        <Failed
          error={this.state.error}
          compact={this.props.compact ?? false}
          view={this.props.view ?? false}
          onRetry={this.retry}
          onBack={this.back}
        />
      );
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}

function Failed(props: { error: unknown; compact: boolean; view: boolean; onRetry: () => void; onBack: () => void }) {
  const t = useMessages('ui');
  const b = t.boundary;
  if (props.compact)
    return (
      <button type="button" className="btn" aria-label={b.retryPart} title={b.retryPart} onClick={props.onRetry}>
        ↻ {b.retry}
      </button>
    );
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <section role="alert" className="panel border-rose-300 text-sm dark:border-rose-800">
      <p>{isLoadError(props.error) ? b.loadFailed : b.crashed}</p>
      {message && <p className="text-xs text-slate-600 dark:text-slate-400">{b.detail(shorten(message, 200))}</p>}
      <p className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={props.onRetry}>
          {b.retry}
        </button>
        {props.view && (
          <button type="button" className="btn" onClick={props.onBack}>
            {b.backToSimulator}
          </button>
        )}
      </p>
    </section>
  );
}
