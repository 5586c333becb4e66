/**
 * The spans as a tracing backend receives them: exported by the SDK's own
 * OTLP/HTTP exporter to a receiver this test runs on loopback.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { human, lambda } from '@rivulet/core';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';
import { otelCallbacks } from '@rivulet/otel';

/** An attribute value as OTLP/JSON encodes it. */
interface OtlpValue {
  readonly stringValue?: string;
  readonly intValue?: number | string;
  readonly doubleValue?: number;
  readonly boolValue?: boolean;
  readonly arrayValue?: { readonly values?: readonly OtlpValue[] };
}

interface OtlpSpan {
  readonly name: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly kind: number;
  readonly attributes?: readonly { readonly key: string; readonly value: OtlpValue }[];
}

interface OtlpRequest {
  readonly resourceSpans: readonly { readonly scopeSpans: readonly { readonly spans: readonly OtlpSpan[] }[] }[];
}

/** A loopback OTLP/HTTP receiver: records the content type and decoded body of every POST. */
async function startReceiver(): Promise<{ url: string; received: { contentType: string; body: OtlpRequest }[]; close(): Promise<void> }> {
  const received: { contentType: string; body: OtlpRequest }[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const raw = Buffer.concat(parts);
      const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      received.push({ contentType: request.headers['content-type'] ?? '', body: JSON.parse(text) as OtlpRequest });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An OTLP attribute value as a plain value (int64 may arrive as a string). */
function plain(value: OtlpValue): unknown {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.doubleValue ?? value.boolValue;
}

const attributesOf = (span: OtlpSpan) => Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, plain(value)]));

let mock: MockOpenAIServer | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await mock?.close();
  await receiver?.close();
});

describe('export over OTLP/HTTP', () => {
  it('delivers the run’s spans with the GenAI attributes to the collector', async () => {
    receiver = await startReceiver();
    mock = await startMockOpenAIServer({ text: 'Water finds a way.', model: 'gpt-4o-mini-2024-07-18', usage: { promptTokens: 14, completionTokens: 5 } });
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: receiver.url }))] });
    const model = new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: 'test', baseURL: mock.url, maxRetries: 0 });
    const chain = lambda((topic: string) => [human(`A proverb about ${topic}`)], { name: 'prompt' }).pipe(model);

    await chain.invoke('water', { callbacks: otelCallbacks({ tracer: provider.getTracer('rivulet-test') }) });
    await provider.forceFlush();
    await provider.shutdown();

    expect(new Set(receiver.received.map((request) => request.contentType))).toEqual(new Set(['application/json']));
    const spans = receiver.received.flatMap((request) => request.body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
    expect(spans.map((span) => span.name).sort()).toEqual(['chat gpt-4o-mini', 'prompt', 'sequence']);
    const byName = new Map(spans.map((span) => [span.name, span]));
    const call = byName.get('chat gpt-4o-mini')!;
    expect(call.parentSpanId).toBe(byName.get('sequence')!.spanId);
    expect(call.kind).toBe(3); // SPAN_KIND_CLIENT
    expect(attributesOf(call)).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'gen_ai.usage.input_tokens': 14,
      'gen_ai.usage.output_tokens': 5,
      'gen_ai.response.finish_reasons': ['stop'],
    });
    expect(JSON.stringify(spans)).not.toContain('proverb');
  });
});
