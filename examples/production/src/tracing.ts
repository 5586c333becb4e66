import type { Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/**
 * An OpenTelemetry SDK tracer that keeps spans in memory, so the example can
 * print them. In production, register a provider with an OTLP exporter
 * instead (see docs/guides/tracing.md).
 */
export function memoryTracer(): { readonly tracer: Tracer; printTree(): void } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return {
    tracer: provider.getTracer('rivulet-production-example'),
    printTree() {
      const spans = exporter.getFinishedSpans();
      const ids = new Set(spans.map((span) => span.spanContext().spanId));
      const visit = (span: ReadableSpan, depth: number): void => {
        console.log(`  ${'  '.repeat(depth)}${span.name}${describe(span)}`);
        const children = spans.filter((child) => child.parentSpanContext?.spanId === span.spanContext().spanId);
        for (const child of children.sort((a, b) => a.startTime[1] - b.startTime[1] || a.startTime[0] - b.startTime[0])) visit(child, depth + 1);
      };
      for (const root of spans.filter((span) => !ids.has(span.parentSpanContext?.spanId ?? ''))) visit(root, 0);
    },
  };
}

function describe(span: ReadableSpan): string {
  const { attributes } = span;
  const model = attributes['gen_ai.request.model'];
  if (model === undefined) return '';
  return ` (model ${String(model)}, ${String(attributes['gen_ai.usage.input_tokens'])} tokens in, ${String(attributes['gen_ai.usage.output_tokens'])} out)`;
}
