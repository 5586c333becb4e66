import { subscribeRunnable, type RunHandle } from '@rivulet/server/client';
import { FrameScheduler } from './frame-scheduler.js';
import type { RunState } from './run-state.js';
import { toRunError } from './to-run-error.js';
import type { UseRunnableOptions } from './use-runnable-options.js';
import { valueFold, type ValueFold } from './value-fold.js';

/** Where the store's runs go, and how. */
export interface RunConfig<O> {
  readonly url: string;
  readonly options: UseRunnableOptions<O>;
}

interface ActiveRun {
  handle?: RunHandle;
  fold?: ValueFold;
}

type Ending<O> = Pick<RunState<O>, 'value' | 'error'> & { readonly status: 'done' | 'error' };

/**
 * The state behind one `useRunnable`: at most one run at a time, its chunks
 * folded as they arrive and published (for `useSyncExternalStore`) at most
 * once per animation frame, the end of a run included. `run` and `stop` are
 * the user's and publish at once. Callbacks of a run that was stopped or
 * replaced are ignored, so a late chunk never lands in the next run's value.
 */
export class RunStore<I, O> {
  private state: RunState<O>;
  private active: ActiveRun | undefined;
  private ending: Ending<O> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly frames = new FrameScheduler(() => this.flush());

  constructor(private config: RunConfig<O>) {
    this.state = { value: config.options.initialValue, status: 'idle', error: undefined };
  }

  /** The URL and options the next run uses. */
  configure(config: RunConfig<O>): void {
    this.config = config;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RunState<O> => this.state;

  /** Starts a run with `input`, stopping the one in progress (its server run is cancelled). */
  readonly run = (input: I): void => {
    this.cancel();
    const { url, options } = this.config;
    const run: ActiveRun = {};
    this.active = run;
    this.publish({ value: options.initialValue, status: 'streaming', error: undefined });
    const take = (chunk: unknown): void => {
      if (this.active !== run) return;
      (run.fold ??= valueFold({ kind: 'snapshot' })).add(chunk);
      this.frames.request();
    };
    run.handle = subscribeRunnable(url, input, {
      headers: options.headers,
      fetch: options.fetch,
      runOptions: options.runOptions,
      reconnect: options.reconnect,
      onMetadata: ({ aggregate }) => {
        if (this.active === run) run.fold = valueFold(aggregate);
      },
      onChunk: take,
      onSnapshot: take,
      onError: (error) => {
        if (this.active !== run) return;
        const failure = toRunError(error, url);
        this.end(run, { value: this.settledValue(run), status: 'error', error: failure });
        this.config.options.onError?.(failure);
      },
      onDone: () => {
        // A stopped run is no longer active: only a run that finished gets here.
        if (this.active !== run) return;
        const output = run.fold?.value();
        this.end(run, { value: output === undefined ? this.state.value : (output as RunState<O>['value']), status: 'done', error: undefined });
        this.config.options.onFinish?.(output as O);
      },
    });
  };

  /** Stops the run in progress, keeping its value so far; its server run is cancelled. A no-op when none is. */
  readonly stop = (): void => {
    const run = this.active;
    if (run === undefined) return;
    const value = this.settledValue(run);
    this.cancel();
    this.publish({ value, status: 'stopped', error: undefined });
  };

  /** The component unmounted: stop without a trace. It may mount again (StrictMode does), so the store stays usable. */
  dispose(): void {
    if (this.active !== undefined) this.stop();
    else if (this.ending !== undefined) this.flush();
  }

  private end(run: ActiveRun, ending: Ending<O>): void {
    if (this.active === run) this.active = undefined;
    this.ending = ending;
    this.frames.request();
  }

  private cancel(): void {
    const run = this.active;
    this.active = undefined;
    this.ending = undefined;
    this.frames.cancel();
    run?.handle?.stop();
  }

  // The run's value with every chunk received so far folded in.
  private settledValue(run: ActiveRun): RunState<O>['value'] {
    const value = run.fold?.changed ? run.fold.value() : undefined;
    return value === undefined ? this.state.value : (value as RunState<O>['value']);
  }

  private flush(): void {
    const ending = this.ending;
    if (ending !== undefined) {
      this.ending = undefined;
      this.publish(ending);
    } else if (this.active?.fold?.changed) {
      this.publish({ ...this.state, value: this.active.fold.value() as RunState<O>['value'] });
    }
  }

  private publish(state: RunState<O>): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
