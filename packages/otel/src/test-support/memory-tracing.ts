import type { Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Spans started and not yet ended, as the SDK sees them, and the order spans started in. */
class OpenSpans implements SpanProcessor {
  readonly open = new Set<Span>();
  readonly startOrder: string[] = [];
  onStart(span: Span): void {
    this.open.add(span);
    this.startOrder.push(span.spanContext().spanId);
  }
  onEnd(span: ReadableSpan): void {
    this.open.delete(span as Span);
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** A tracer of the OpenTelemetry SDK exporting to memory, and ways to read what it recorded. */
export interface MemoryTracing {
  readonly tracer: Tracer;
  readonly provider: BasicTracerProvider;
  /** Ended spans, in the order they ended. */
  spans(): ReadableSpan[];
  /** The one ended span named `name`. */
  span(name: string): ReadableSpan;
  /** Names of the spans started and not ended. */
  openSpans(): string[];
  /** The trace as indented lines, children in the order they started: `['sequence', '  prompt', ...]`. */
  tree(): string[];
}

/** An SDK tracer provider recording to memory, as a test of what an exporter would get. */
export function memoryTracing(): MemoryTracing {
  const exporter = new InMemorySpanExporter();
  const open = new OpenSpans();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter), open] });
  const spans = () => exporter.getFinishedSpans();
  return {
    tracer: provider.getTracer('rivulet-test'),
    provider,
    spans,
    span(name) {
      const found = spans().filter((span) => span.name === name);
      if (found.length !== 1) throw new Error(`expected one span named "${name}", found ${found.length}: ${spans().map((s) => s.name).join(', ')}`);
      return found[0] as ReadableSpan;
    },
    openSpans: () => [...open.open].map((span) => span.name),
    tree: () => spanTree(spans(), open.startOrder),
  };
}

function spanTree(spans: readonly ReadableSpan[], startOrder: readonly string[]): string[] {
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  const started = (span: ReadableSpan) => startOrder.indexOf(span.spanContext().spanId);
  const byStart = [...spans].sort((a, b) => started(a) - started(b));
  const lines: string[] = [];
  const visit = (span: ReadableSpan, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${span.name}`);
    for (const child of byStart.filter((s) => s.parentSpanContext?.spanId === span.spanContext().spanId)) visit(child, depth + 1);
  };
  for (const root of byStart.filter((span) => !ids.has(span.parentSpanContext?.spanId ?? ''))) visit(root, 0);
  return lines;
}
