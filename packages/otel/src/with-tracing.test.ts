import { SpanStatusCode } from '@opentelemetry/api';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { human, lambda, type AIMessageChunk, type Message, type RunEvent, type Runnable } from '@rivulet/core';
import { OpenAIChatModel, type OpenAIChatMetadata } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '@rivulet/openai/testing';
import { withTracing } from '@rivulet/otel';
import { memoryTracing } from './test-support/memory-tracing.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockScript): Promise<OpenAIChatModel> {
  server = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: 'test', baseURL: server.url, maxRetries: 0 });
}

const prompt = lambda((vars: { topic: string }) => [human(`About ${vars.topic}`)], { name: 'prompt' });

describe('withTracing', () => {
  it('traces every run of the runnable, keeping its types', async () => {
    const tracing = memoryTracing();
    const chain = prompt.pipe(await modelFor({ text: 'Rivers run.', usage: { promptTokens: 3, completionTokens: 2 } }));
    const traced = withTracing(chain, { tracer: tracing.tracer });
    expectTypeOf(traced).toEqualTypeOf<Runnable<{ topic: string }, AIMessageChunk<OpenAIChatMetadata>, AIMessageChunk<OpenAIChatMetadata>>>();

    const reply = await traced.invoke({ topic: 'rivers' });
    await traced.invoke({ topic: 'lakes' });

    expect(reply.text).toBe('Rivers run.');
    expect(tracing.tree()).toEqual(['sequence', '  prompt', '  chat gpt-4o-mini', 'sequence', '  prompt', '  chat gpt-4o-mini']);
    expect(tracing.spans().filter((s) => s.name === 'chat gpt-4o-mini').map((s) => s.attributes['gen_ai.usage.input_tokens'])).toEqual([3, 3]);
  });

  it('ends every span, marked cancelled, when the consumer stops reading mid-stream', async () => {
    const tracing = memoryTracing();
    const traced = withTracing(prompt.pipe(await modelFor({ text: 'a reply that streams for a while', chunkSize: 2, delayMs: 30 })), {
      tracer: tracing.tracer,
    });
    let chunks = 0;
    for await (const _ of traced.stream({ topic: 'x' })) if (++chunks === 2) break;

    expect(tracing.openSpans()).toEqual([]);
    expect(tracing.tree()).toEqual(['sequence', '  prompt', '  chat gpt-4o-mini']);
    for (const name of ['sequence', 'chat gpt-4o-mini']) {
      expect(tracing.span(name).attributes['error.type']).toBe('cancelled');
      expect(tracing.span(name).status.code).toBe(SpanStatusCode.ERROR);
    }
    await server!.requests[0]!.settled;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });

  it('traces only the part it wraps, inside the spans of the steps around it', async () => {
    const tracing = memoryTracing();
    const model = withTracing(await modelFor({ text: 'ok' }), { tracer: tracing.tracer });
    const chain = prompt.pipe(model).pipe(lambda((reply: AIMessageChunk) => reply.text, { name: 'text' }));
    expect(await chain.invoke({ topic: 'x' })).toBe('ok');
    expect(tracing.tree()).toEqual(['chat gpt-4o-mini']);
  });

  it('keeps the callbacks and options the runnable already had', async () => {
    const tracing = memoryTracing();
    const seen: string[] = [];
    const configured = lambda((messages: Message[]) => messages.length, { name: 'count' }).withConfig({
      runName: 'counter',
      tags: ['mine'],
      callbacks: { onEnd: (event: RunEvent) => seen.push(`${event.type}:${event.name}`) },
    });
    expect(await withTracing(configured, { tracer: tracing.tracer }).invoke([human('a'), human('b')])).toBe(2);
    expect(seen).toEqual(['end:counter']);
    expect(tracing.span('counter').attributes['rivulet.run.tags']).toEqual(['mine']);
  });
});
