/**
 * Spans from real runs: OpenAIChatModel over HTTP to the loopback mock
 * OpenAI server, recorded by the OpenTelemetry SDK's in-memory exporter.
 */
import { context, SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, human, lambda, parallel, system, transform, type AIMessageChunk } from '@rivulet/core';
import { OpenAIChatModel, OpenAIEmbeddingModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '@rivulet/openai/testing';
import { otelCallbacks } from '@rivulet/otel';
import { memoryTracing } from './test-support/memory-tracing.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockScript, name = 'gpt-4o-mini'): Promise<OpenAIChatModel> {
  server = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: name, apiKey: 'test', baseURL: server.url, maxRetries: 0 });
}

const PROMPT_SECRET = 'the tide tables of Lisbon';
const REPLY_SECRET = 'Moon-pulled water keeps its appointments.';

// Stand-ins for a chat prompt and a text parser: named like them, streaming like them.
const prompt = lambda((vars: { topic: string }) => [system('You write one line.'), human(`A line about ${vars.topic}`)], { name: 'prompt' });
const textParser = transform(
  async function* (chunks: AsyncIterable<AIMessageChunk>) {
    for await (const chunk of chunks) if (chunk.text) yield chunk.text;
  },
  { name: 'textParser' },
);

const reply = {
  text: REPLY_SECRET,
  chunkSize: 8,
  model: 'gpt-4o-mini-2024-07-18',
  id: 'chatcmpl-trace-1',
  usage: { promptTokens: 21, completionTokens: 9 },
};

/** Every attribute and event attribute value of every span, as text. */
function everything(spans: readonly ReadableSpan[]): string {
  return JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events.map((event) => [event.name, event.attributes])]));
}

describe('otelCallbacks', () => {
  it('makes one span per step, nested like the chain, with the GenAI attributes on the model call', async () => {
    const tracing = memoryTracing();
    const chain = prompt.pipe(await modelFor(reply)).pipe(textParser);

    const text = await chain.invoke({ topic: PROMPT_SECRET }, { callbacks: otelCallbacks({ tracer: tracing.tracer }) });

    expect(text).toBe(REPLY_SECRET);
    expect(tracing.tree()).toEqual(['sequence', '  prompt', '  chat gpt-4o-mini', '  textParser']);
    const model = tracing.span('chat gpt-4o-mini');
    expect(model.kind).toBe(SpanKind.CLIENT);
    expect(model.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'gen_ai.response.id': 'chatcmpl-trace-1',
      'gen_ai.usage.input_tokens': 21,
      'gen_ai.usage.output_tokens': 9,
      'gen_ai.response.finish_reasons': ['stop'],
      'rivulet.run.name': 'openai:gpt-4o-mini',
    } satisfies Attributes);
    expect(model.events.map((event) => event.name)).toEqual(['rivulet.first_chunk']);
    expect(tracing.span('prompt').kind).toBe(SpanKind.INTERNAL);
    expect(tracing.spans().every((span) => span.status.code === SpanStatusCode.UNSET)).toBe(true);
    expect(new Set(tracing.spans().map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('records no prompt or completion text unless asked', async () => {
    const tracing = memoryTracing();
    const chain = prompt.pipe(await modelFor(reply)).pipe(textParser);
    await chain.invoke({ topic: PROMPT_SECRET }, { callbacks: otelCallbacks({ tracer: tracing.tracer }), tags: ['t1'], metadata: { user: 'u-7' } });

    const recorded = everything(tracing.spans());
    expect(recorded).not.toContain('tide tables');
    expect(recorded).not.toContain('appointments');
    expect(recorded).not.toContain('one line');
    // What is recorded: names, ids, tags and primitive metadata.
    expect(tracing.span('sequence').attributes).toMatchObject({ 'rivulet.run.tags': ['t1'], 'rivulet.run.metadata.user': 'u-7' });
  });

  it('with recordContent, records the messages sent and received as the conventions write them', async () => {
    const tracing = memoryTracing();
    const chain = prompt.pipe(await modelFor(reply)).pipe(textParser);
    await chain.invoke({ topic: PROMPT_SECRET }, { callbacks: otelCallbacks({ tracer: tracing.tracer, recordContent: true }) });

    const model = tracing.span('chat gpt-4o-mini').attributes;
    expect(JSON.parse(model['gen_ai.input.messages'] as string)).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'You write one line.' }] },
      { role: 'user', parts: [{ type: 'text', content: `A line about ${PROMPT_SECRET}` }] },
    ]);
    expect(JSON.parse(model['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: REPLY_SECRET }], finish_reason: 'stop' },
    ]);
    expect(tracing.span('sequence').attributes).toMatchObject({ 'rivulet.run.input': JSON.stringify({ topic: PROMPT_SECRET }), 'rivulet.run.output': REPLY_SECRET });
    expect(tracing.span('textParser').attributes['rivulet.run.output']).toBe(REPLY_SECRET);
  });

  it('records tool calls as tool_call parts, and a model given its input whole', async () => {
    const tracing = memoryTracing();
    const model = await modelFor({ toolCalls: [{ id: 'call_9', name: 'get_weather', arguments: '{"city":"Oslo"}' }] });
    await model
      .bindTools([{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }])
      .invoke('Weather in Oslo?', { callbacks: otelCallbacks({ tracer: tracing.tracer, recordContent: true }) });

    const span = tracing.span('chat gpt-4o-mini').attributes;
    expect(JSON.parse(span['gen_ai.input.messages'] as string)).toEqual([{ role: 'user', parts: [{ type: 'text', content: 'Weather in Oslo?' }] }]);
    expect(JSON.parse(span['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_9', name: 'get_weather', arguments: { city: 'Oslo' } }], finish_reason: 'tool_call' },
    ]);
    expect(span['gen_ai.response.finish_reasons']).toEqual(['tool_call']);
  });

  it('records a failure on the step that failed and on every step around it', async () => {
    const tracing = memoryTracing();
    const chain = prompt.pipe(await modelFor({ status: 400, error: { message: 'bad request', code: 'invalid_value' } })).pipe(textParser);
    const error = await chain.invoke({ topic: 'x' }, { callbacks: otelCallbacks({ tracer: tracing.tracer }) }).catch((e: unknown) => e);

    expect((error as Error).name).toBe('ProviderError');
    const model = tracing.span('chat gpt-4o-mini');
    expect(model.status.code).toBe(SpanStatusCode.ERROR);
    expect(model.attributes['error.type']).toBe('ProviderError');
    expect(model.attributes['gen_ai.request.model']).toBe('gpt-4o-mini');
    // The SDK's exception event: its type is the error's code when it has one, as here.
    expect(model.events.map((event) => [event.name, event.attributes?.['exception.type']])).toEqual([['exception', 'invalid_value']]);
    expect(model.events[0]!.attributes?.['exception.message']).toMatch(/bad request/);
    expect(tracing.span('sequence').attributes['error.type']).toBe('ProviderError');
    expect(tracing.openSpans()).toEqual([]);
  });

  it('names error.type after the error thrown in a step', async () => {
    const tracing = memoryTracing();
    const failing = lambda((_: string) => {
      throw new RangeError('out of range');
    }, { name: 'check' });
    await failing.invoke('x', { callbacks: otelCallbacks({ tracer: tracing.tracer }) }).catch(() => undefined);
    expect(tracing.span('check').attributes['error.type']).toBe('RangeError');
    expect(tracing.span('check').status).toEqual({ code: SpanStatusCode.ERROR, message: 'out of range' });
  });

  it('ends every span when the run is aborted mid-stream: the root as AbortError, the steps inside as cancelled', async () => {
    const tracing = memoryTracing();
    const chain = prompt.pipe(await modelFor({ text: 'a reply that streams for a while', chunkSize: 2, delayMs: 30 })).pipe(textParser);
    const controller = new AbortController();
    let chunks = 0;
    const error = await (async () => {
      for await (const _ of chain.stream({ topic: 'x' }, { signal: controller.signal, callbacks: otelCallbacks({ tracer: tracing.tracer }) })) {
        if (++chunks === 2) controller.abort();
      }
    })().catch((e: unknown) => e);

    expect(AbortError.isInstance(error)).toBe(true);
    expect(tracing.openSpans()).toEqual([]);
    expect(tracing.tree()).toEqual(['sequence', '  prompt', '  chat gpt-4o-mini', '  textParser']);
    expect(tracing.span('sequence').attributes['error.type']).toBe('AbortError');
    for (const name of ['chat gpt-4o-mini', 'textParser']) {
      expect(tracing.span(name).attributes['error.type']).toBe('cancelled');
      expect(tracing.span(name).status.code).toBe(SpanStatusCode.ERROR);
    }
    // The prompt had finished before the abort.
    expect(tracing.span('prompt').status.code).toBe(SpanStatusCode.UNSET);
    await server!.requests[0]!.settled;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });

  it('cannot see a run stopped by unsubscribing, which reports no event (withTracing can)', async () => {
    const tracing = memoryTracing();
    const chain = prompt.pipe(await modelFor({ text: 'a reply that streams for a while', chunkSize: 2, delayMs: 30 }));
    for await (const _ of chain.stream({ topic: 'x' }, { callbacks: otelCallbacks({ tracer: tracing.tracer }) })) break;
    expect(tracing.openSpans().sort()).toEqual(['openai:gpt-4o-mini', 'sequence']);
  });

  it('nests the spans of parallel branches under their own branch', async () => {
    const tracing = memoryTracing();
    const model = await modelFor((request) => ({ text: `answer ${String(request.body?.messages?.at(-1)?.content)}`, delayMs: 10, chunkSize: 3 }));
    const other = new OpenAIChatModel({ model: 'gpt-4.1', apiKey: 'test', baseURL: server!.url, maxRetries: 0 });
    const chain = parallel({
      short: prompt.pipe(model).pipe(textParser),
      long: lambda((vars: { topic: string }) => `Tell me all about ${vars.topic}`, { name: 'question' }).pipe(other),
    });

    const result = await chain.invoke({ topic: 'rivers' }, { callbacks: otelCallbacks({ tracer: tracing.tracer }) });

    expect(result.short).toBe('answer A line about rivers');
    expect(tracing.tree()).toEqual([
      'parallel',
      '  sequence',
      '    prompt',
      '    chat gpt-4o-mini',
      '    textParser',
      '  sequence',
      '    question',
      '    chat gpt-4.1',
    ]);
    // Both calls were in flight at once, each under its own branch.
    const [a, b] = [tracing.span('chat gpt-4o-mini'), tracing.span('chat gpt-4.1')];
    expect(a.parentSpanContext?.spanId).not.toBe(b.parentSpanContext?.spanId);
  });

  it('makes the root span a child of the active OpenTelemetry span', async () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    try {
      const tracing = memoryTracing();
      const chain = prompt.pipe(await modelFor(reply));
      await tracing.tracer.startActiveSpan('http request', async (span) => {
        await chain.invoke({ topic: 'x' }, { callbacks: otelCallbacks({ tracer: tracing.tracer }) });
        span.end();
      });
      expect(tracing.tree()).toEqual(['http request', '  sequence', '    prompt', '    chat gpt-4o-mini']);
    } finally {
      context.disable();
    }
  });

  it('knows a model by the description it gives its runs, whatever its name, with the sampling parameters it was given', async () => {
    const tracing = memoryTracing();
    server = await startMockOpenAIServer(reply);
    const model = new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: 'test', baseURL: server.url, name: 'writer', temperature: 0.2, maxTokens: 50, stop: ['END'], n: 1 });
    await prompt.pipe(model.withConfig({ tags: ['drafts'] })).invoke({ topic: 'x' }, { callbacks: otelCallbacks({ tracer: tracing.tracer }) });

    expect(tracing.tree()).toEqual(['sequence', '  prompt', '  chat gpt-4o-mini']);
    const span = tracing.span('chat gpt-4o-mini');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject({
      'rivulet.run.name': 'writer',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.max_tokens': 50,
      'gen_ai.request.stop_sequences': ['END'],
      'gen_ai.usage.output_tokens': 9,
    } satisfies Attributes);
    expect(span.attributes['gen_ai.request.choice.count']).toBeUndefined();
    expect(span.attributes['gen_ai.request.top_p']).toBeUndefined();
  });

  it('a run named like provider:model is a plain step unless it describes itself as a model', async () => {
    const tracing = memoryTracing();
    const lookalike = lambda((text: string) => text.toUpperCase(), { name: 'openai:gpt-4o-mini' });
    await lookalike.invoke('x', { callbacks: otelCallbacks({ tracer: tracing.tracer }) });
    const span = tracing.span('openai:gpt-4o-mini');
    expect(span.kind).toBe(SpanKind.INTERNAL);
    expect(Object.keys(span.attributes).filter((key) => key.startsWith('gen_ai.'))).toEqual([]);

    // A model of your own (not a ChatModel) describes itself the same way; what runs inside it inherits the description and is no model call.
    const inner = lambda((text: string) => `${text}!`, { name: 'inner' });
    const own = lambda((text: string, ctx) => inner.invoke(text, ctx), { name: 'acme' }).withConfig({
      metadata: { 'rivulet.model': { provider: 'acme', model: 'acme-large', params: { temperature: 0 } } },
    });
    await own.invoke('x', { callbacks: otelCallbacks({ tracer: tracing.tracer }) });
    expect(tracing.tree().slice(1)).toEqual(['chat acme-large', '  inner']);
    expect(tracing.span('chat acme-large').attributes).toMatchObject({ 'gen_ai.provider.name': 'acme', 'gen_ai.request.temperature': 0 } satisfies Attributes);
    expect(tracing.span('inner').kind).toBe(SpanKind.INTERNAL);
  });

  it('traces an embedding model as an embeddings call', async () => {
    const tracing = memoryTracing();
    server = await startMockOpenAIServer(undefined);
    const embedder = new OpenAIEmbeddingModel({ model: 'text-embedding-3-small', apiKey: 'test', baseURL: server.url, dimensions: 4, maxRetries: 0 });
    await embedder.embed('a river', { callbacks: otelCallbacks({ tracer: tracing.tracer }) });
    const span = tracing.span('embeddings text-embedding-3-small');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject({ 'gen_ai.operation.name': 'embeddings', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'text-embedding-3-small' } satisfies Attributes);
  });

  it('counts a retried call once per attempt, not again on the retry around them', async () => {
    const tracing = memoryTracing();
    const model = (await modelFor([{ status: 500 }, reply])).withRetry({ maxAttempts: 2, initialDelayMs: 1, jitter: false });
    await model.invoke('Hi', { callbacks: otelCallbacks({ tracer: tracing.tracer }) });

    expect(tracing.tree()).toEqual(['openai:gpt-4o-mini', '  chat gpt-4o-mini', '  chat gpt-4o-mini']);
    const [failed, succeeded] = tracing.spans().filter((span) => span.name === 'chat gpt-4o-mini');
    expect(failed!.attributes['error.type']).toBe('ProviderError');
    expect(succeeded!.attributes['gen_ai.usage.output_tokens']).toBe(9);
    expect(tracing.span('openai:gpt-4o-mini').attributes['gen_ai.usage.output_tokens']).toBeUndefined();
    expect(tracing.span('openai:gpt-4o-mini').kind).toBe(SpanKind.INTERNAL);
  });
});
