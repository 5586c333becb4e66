import { describe, expectTypeOf, it } from 'vitest';
import { lambda, type AIMessageChunk, type BatchResult } from '@rivulet/core';
import { FakeChatModel } from '@rivulet/models/testing';
import type { Batch, BatchProgress } from './batch.js';
import { batchQueue } from './batch-queue.js';

describe('batchQueue types', () => {
  const queue = batchQueue<string, AIMessageChunk>('summaries', { connection: { url: 'redis://localhost:6379' } });

  it('takes a runnable from the queue input to its output, a model included', () => {
    queue.worker(new FakeChatModel('ok'));
    queue.worker(lambda((text: string) => new FakeChatModel(text).invoke(text)));
    // @ts-expect-error the worker must take the queue's input (string), not numbers
    queue.worker(lambda((n: number) => new FakeChatModel(String(n)).invoke('x')));
    // @ts-expect-error the worker must give the queue's output
    queue.worker(lambda((text: string) => text.length));
  });

  it('types results and progress from the queue', async () => {
    const batch = await queue.add(['a', 'b']);
    expectTypeOf(batch).toEqualTypeOf<Batch<AIMessageChunk>>();
    expectTypeOf(await batch.results()).toEqualTypeOf<BatchResult<AIMessageChunk>[]>();
    for await (const result of batch) expectTypeOf(result.output).toEqualTypeOf<AIMessageChunk | undefined>();
    for await (const progress of batch.progress()) expectTypeOf(progress).toEqualTypeOf<BatchProgress>();
    // @ts-expect-error inputs must be the queue's input type
    await queue.add([1, 2]);
  });
});
