import { Runnable, type RetryOptions, type RunOptions } from '@rivulet/core';

/**
 * What a model made by `withRetry`, `withFallbacks` or `withConfig` wraps: the
 * model it was called on (`inner`) and, for fallbacks, the models tried after
 * it. Kept as data, so the same wrapping can be rebuilt around changed models
 * (a model's `bindTools` binds the tools to every model of its fallbacks).
 */
export type ModelComposition<M> =
  | { readonly kind: 'retry'; readonly inner: M; readonly options: RetryOptions | undefined }
  | { readonly kind: 'fallbacks'; readonly inner: M; readonly fallbacks: readonly M[] }
  | { readonly kind: 'config'; readonly inner: M; readonly options: RunOptions };

/**
 * The composition's wrapping (core's `withRetry`, `withFallbacks` or
 * `withConfig`, with their exact semantics) around the runnables `run` makes
 * of its models.
 */
export function composeRunnables<M, I, O, C>(composition: ModelComposition<M>, run: (model: M) => Runnable<I, O, C>): Runnable<I, O, C> {
  // The base class's own methods: a chat model overrides them to build a model again.
  const base = Runnable.prototype as Runnable<I, O, C>;
  const inner = run(composition.inner);
  switch (composition.kind) {
    case 'retry':
      return base.withRetry.call(inner, composition.options);
    case 'fallbacks':
      return base.withFallbacks.call(inner, composition.fallbacks.map(run));
    case 'config':
      return base.withConfig.call(inner, composition.options);
  }
}

/** The same composition over other models: `change` applied to the inner model and to every fallback. */
export function mapComposition<M>(composition: ModelComposition<M>, change: (model: M) => M): ModelComposition<M> {
  const inner = change(composition.inner);
  return composition.kind === 'fallbacks' ? { ...composition, inner, fallbacks: composition.fallbacks.map(change) } : { ...composition, inner };
}
