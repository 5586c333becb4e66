import type { Tracer } from '@opentelemetry/api';

/** Options of `otelCallbacks` and `withTracing`. */
export interface TracingOptions {
  /** The tracer spans are made with. Default: `trace.getTracer('@rivulet/otel')` of the global provider. */
  readonly tracer?: Tracer | undefined;
  /**
   * Record what runs carry: prompt and completion messages on model spans
   * (`gen_ai.input.messages`, `gen_ai.output.messages`), inputs and outputs
   * on the other spans (`rivulet.run.input`, `rivulet.run.output`). Off by
   * default: they may hold personal data. Default false.
   */
  readonly recordContent?: boolean | undefined;
}
