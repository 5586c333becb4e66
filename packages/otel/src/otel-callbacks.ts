import type { RunCallbacks } from '@rivulet/core';
import { SpanTracker } from './span-tracker.js';
import type { TracingOptions } from './tracing-options.js';

/**
 * Run callbacks that turn every step of a run into an OpenTelemetry span,
 * nested like the steps; the root span is a child of the span active where
 * the run starts. Model calls follow the GenAI semantic conventions (span
 * `chat {model}`, `gen_ai.*` provider, model, parameters, token usage,
 * finish reasons); a failed step records its exception and `error.type`; a
 * step cancelled by an abort or timeout of the run ends with
 * `error.type: cancelled`. Prompt and completion text only with `recordContent`.
 *
 * A run stopped by unsubscribing (breaking out of a `for await` loop)
 * reports no event at all, so callbacks cannot end its spans: use
 * {@link withTracing}, which sees that too.
 *
 * @example
 * ```ts
 * const tracing = otelCallbacks();
 * await chain.invoke({ topic: 'rivers' }, { callbacks: tracing });
 * ```
 */
export function otelCallbacks(options?: TracingOptions): RunCallbacks {
  return new SpanTracker(options);
}
