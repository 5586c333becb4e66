import type { RunEvent } from './run-events.js';
import type { RunLifetime } from './run-lifetime.js';
import type { RunOptions } from './run-options.js';

/** @internal Key under which a context carries its run scope. */
export const runScopeKey: unique symbol = Symbol.for('rivulet.run-scope');

/** @internal Where a run's events go; absent when nobody listens. */
export interface RunScope {
  readonly emit: ((event: RunEvent) => void) | undefined;
  /** The run's lifetime; its signal is every step's `ctx.signal`. */
  readonly lifetime: RunLifetime;
}

/**
 * What a step sees of its run: the merged options of every enclosing step plus
 * its own identity. Pass it as the options of a nested `invoke`/`stream` call to
 * make that call a child of this step (its events nest, its signal applies).
 *
 * @example
 * ```ts
 * const outer = lambda(async (text: string, ctx) => inner.invoke(text, ctx));
 * ```
 */
export interface RunContext extends RunOptions {
  /** Aborted when this step is cancelled or its run ends. */
  readonly signal: AbortSignal;
  readonly runId: string;
  readonly parentRunId?: string | undefined;
  readonly runName: string;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly configurable: Readonly<Record<string, unknown>>;
  /** @internal */
  readonly [runScopeKey]: RunScope;
}

/** The fields of a context, all but the signal, which comes from the run's lifetime. */
export type RunContextFields = Omit<RunContext, 'signal'>;

/**
 * A step's context. The signal is a getter over the run's lifetime so that
 * runs nobody cancels never make an `AbortController`.
 */
class StepContext implements RunContext {
  readonly runId: string;
  readonly parentRunId: string | undefined;
  readonly runName: string;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly configurable: Readonly<Record<string, unknown>>;
  readonly maxConcurrency: number | undefined;
  readonly [runScopeKey]: RunScope;

  constructor(fields: RunContextFields) {
    this.runId = fields.runId;
    this.parentRunId = fields.parentRunId;
    this.runName = fields.runName;
    this.tags = fields.tags;
    this.metadata = fields.metadata;
    this.configurable = fields.configurable;
    this.maxConcurrency = fields.maxConcurrency;
    this[runScopeKey] = fields[runScopeKey];
  }

  get signal(): AbortSignal {
    return this[runScopeKey].lifetime.signal;
  }
}

/** Makes a step context. */
export function createContext(fields: RunContextFields): RunContext {
  return new StepContext(fields);
}

/** True when options are a step's `RunContext` (a nested call), not user options. */
export function isRunContext(options: RunOptions | undefined): options is RunContext {
  return options !== undefined && runScopeKey in options;
}

// One random prefix per process and a counter: unique like a UUID for tracing,
// without paying for one per step of every run (it showed in batch profiles).
const runIdPrefix = globalThis.crypto.randomUUID().slice(0, 18);
let runIdCounter = 0;

/** A fresh run id, unique within and across processes. */
export function newRunId(): string {
  return `${runIdPrefix}${(++runIdCounter).toString(36).padStart(12, '0')}`;
}
