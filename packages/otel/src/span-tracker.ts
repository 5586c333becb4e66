import { context, SpanKind, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { isMessage, type RunCallbacks, type RunChunkEvent, type RunEndEvent, type RunErrorEvent, type RunStartEvent } from '@rivulet/core';
import { genAIInputMessages, genAIOutputMessages } from './gen-ai-messages.js';
import { operationOf, requestAttributes, responseAttributes } from './model-attributes.js';
import { modelRunMetadataKey } from '@rivulet/core';
import { modelCallOf, type ModelCall } from './model-call.js';
import { recordCancelled, recordError } from './record-outcome.js';
import { contentText, stepAttributes } from './step-attributes.js';
import type { TracingOptions } from './tracing-options.js';

/** The span of a step still running. */
interface OpenSpan {
  readonly runId: string;
  readonly name: string;
  readonly span: Span;
  /** The context its children's spans start in. */
  readonly context: Context;
  readonly parent: OpenSpan | undefined;
  readonly children: Set<OpenSpan>;
  /** The model call this step is, if it is one. */
  readonly model: ModelCall | undefined;
  /** The step's `rivulet.model` metadata, to tell a model's own run from steps inheriting it. */
  readonly modelMetadata: unknown;
  /** The step's input, kept only when content is recorded. */
  input?: { readonly value: unknown };
  /** The step whose output this model step is waiting for as its input, when content is recorded. */
  feeder?: string;
  sawChunk: boolean;
}

/** How a step ended. */
type Outcome = { readonly output: unknown } | { readonly error: Error } | { readonly cancelled: true };

/**
 * Turns run events into spans: one per step, nested like the steps, ended
 * when the step ends or fails, or when the run around it ends first.
 */
export class SpanTracker implements RunCallbacks {
  readonly #tracer: Tracer;
  readonly #recordContent: boolean;
  readonly #open = new Map<string, OpenSpan>();
  /** Model steps fed by a stream, by the run id of the step feeding them. */
  readonly #awaitingInput = new Map<string, OpenSpan>();
  #lastChunk: RunChunkEvent | undefined;

  constructor(options: TracingOptions = {}) {
    this.#tracer = options.tracer ?? trace.getTracer('@rivulet/otel');
    this.#recordContent = options.recordContent ?? false;
  }

  onStart(event: RunStartEvent): void {
    this.cancel(event.runId); // a step subscribed again under the same id: the earlier span is over
    const parent = event.parentRunId === undefined ? undefined : this.#open.get(event.parentRunId);
    const model = modelCallOf(event, parent?.modelMetadata);
    // The root span is a child of whatever span is active where the run started.
    const span = this.#tracer.startSpan(
      event.name,
      { kind: model ? SpanKind.CLIENT : SpanKind.INTERNAL, attributes: stepAttributes(event) },
      parent?.context ?? context.active(),
    );
    const open: OpenSpan = {
      runId: event.runId,
      name: event.name,
      span,
      context: trace.setSpan(parent?.context ?? context.active(), span),
      parent,
      children: new Set(),
      model,
      modelMetadata: event.metadata[modelRunMetadataKey],
      sawChunk: false,
    };
    if (this.#recordContent) this.#keepInput(open, event);
    this.#open.set(event.runId, open);
    parent?.children.add(open);
  }

  onChunk(event: RunChunkEvent): void {
    const open = this.#open.get(event.runId);
    if (open !== undefined && !open.sawChunk) {
      open.sawChunk = true;
      // Time to first token, for model calls.
      if (open.model) open.span.addEvent('rivulet.first_chunk');
    }
    if (this.#recordContent) this.#lastChunk = event;
  }

  onEnd(event: RunEndEvent): void {
    const waiting = this.#awaitingInput.get(event.runId);
    if (waiting !== undefined) {
      waiting.input = { value: event.data.output };
      this.#awaitingInput.delete(event.runId);
    }
    const open = this.#open.get(event.runId);
    if (open !== undefined) this.#finish(open, { output: event.data.output });
  }

  onError(event: RunErrorEvent): void {
    const open = this.#open.get(event.runId);
    if (open !== undefined) this.#finish(open, { error: event.data.error });
  }

  /** Ends the span of `runId`, if still open, and every open span under it, as cancelled. */
  cancel(runId: string): void {
    const open = this.#open.get(runId);
    if (open !== undefined) this.#finish(open, { cancelled: true });
  }

  /**
   * A step's input, to record: given whole at its start, or, for a model
   * step fed by a stream (a prompt piped into it), the output of the step
   * whose chunk started it, which ends before the model does.
   */
  #keepInput(open: OpenSpan, event: RunStartEvent): void {
    if ('input' in event.data) open.input = { value: event.data.input };
    else if (open.model && this.#lastChunk !== undefined && this.#lastChunk.parentRunId === event.parentRunId) {
      open.feeder = this.#lastChunk.runId;
      this.#awaitingInput.set(open.feeder, open);
    }
  }

  #finish(open: OpenSpan, outcome: Outcome): void {
    // Steps inside end first: a cancelled run reports nothing for them.
    for (const child of [...open.children]) this.#finish(child, { cancelled: true });
    this.#open.delete(open.runId);
    open.parent?.children.delete(open);
    if (open.feeder !== undefined) this.#awaitingInput.delete(open.feeder);
    const { span } = open;
    const output = 'output' in outcome ? outcome.output : undefined;
    if (open.model) this.#describeModelCall(open, open.model, output);
    else if (this.#recordContent) {
      if (open.input !== undefined) span.setAttribute('rivulet.run.input', contentText(open.input.value));
      if ('output' in outcome && output !== undefined) span.setAttribute('rivulet.run.output', contentText(output));
    }
    if ('error' in outcome) recordError(span, outcome.error);
    else if ('cancelled' in outcome) recordCancelled(span);
    span.end();
  }

  #describeModelCall(open: OpenSpan, model: ModelCall, output: unknown): void {
    const { span } = open;
    span.updateName(`${operationOf(model)} ${model.model}`);
    span.setAttributes(requestAttributes(model));
    span.setAttributes(responseAttributes(output));
    if (!this.#recordContent) return;
    const input = open.input === undefined ? undefined : genAIInputMessages(open.input.value);
    if (input !== undefined) span.setAttribute('gen_ai.input.messages', JSON.stringify(input));
    if (isMessage(output) && output.role === 'ai') span.setAttribute('gen_ai.output.messages', JSON.stringify(genAIOutputMessages(output)));
  }
}
