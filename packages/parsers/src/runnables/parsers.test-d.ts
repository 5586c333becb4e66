import { sequence, type AIMessageChunk, type ChunkOf, type OutputOf, type Runnable } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { elementsParser, jsonParser, listParser, structuredParser, textParser, type DeepPartial, type JsonPatchOperation, type JsonValue } from '../index.js';

const model = fakeRunnable<AIMessageChunk>([]);
const outputOf = <R extends Runnable<never, unknown, unknown>>(_runnable: R): OutputOf<R> => undefined as OutputOf<R>;
const chunkOf = <R extends Runnable<never, unknown, unknown>>(_runnable: R): ChunkOf<R> => undefined as ChunkOf<R>;

test('parsers type their output and chunks through a pipe', () => {
  const schema = z.object({ name: z.string(), tags: z.array(z.object({ id: z.number() })) });
  type Out = { name: string; tags: { id: number }[] };
  expectTypeOf(outputOf(model.pipe(textParser()))).toEqualTypeOf<string>();
  expectTypeOf(outputOf(model.pipe(jsonParser()))).toEqualTypeOf<JsonValue>();
  expectTypeOf(chunkOf(model.pipe(jsonParser()))).toEqualTypeOf<JsonValue>();
  expectTypeOf(chunkOf(model.pipe(jsonParser<{ a: number[] }>()))).toEqualTypeOf<{ a?: number[] }>();
  expectTypeOf(chunkOf(model.pipe(jsonParser({ mode: 'patch' })))).toEqualTypeOf<JsonPatchOperation[]>();
  expectTypeOf(outputOf(model.pipe(structuredParser(schema)))).toEqualTypeOf<Out>();
  expectTypeOf(chunkOf(model.pipe(structuredParser(schema)))).toEqualTypeOf<DeepPartial<Out>>();
  expectTypeOf(outputOf(model.pipe(elementsParser(schema.shape.tags.element)))).toEqualTypeOf<{ id: number }[]>();
  expectTypeOf(chunkOf(model.pipe(elementsParser(schema.shape.tags.element)))).toEqualTypeOf<{ id: number }>();
  expectTypeOf(outputOf(model.pipe(listParser()))).toEqualTypeOf<string[]>();
  expectTypeOf(chunkOf(model.pipe(listParser()))).toEqualTypeOf<string>();
});

test('sequence infers the same input, output and chunk type as pipe', () => {
  const schema = z.object({ title: z.string() });
  const prompt = {} as Runnable<{ topic: string }, string>;
  const llm = {} as Runnable<string, AIMessageChunk>;
  const viaPipe = prompt.pipe(llm).pipe(structuredParser(schema));
  const viaSequence = sequence(prompt, llm, structuredParser(schema));
  expectTypeOf(viaSequence).toEqualTypeOf(viaPipe);
  expectTypeOf(chunkOf(viaSequence)).toEqualTypeOf<{ title?: string }>();
  expectTypeOf(outputOf(viaSequence)).toEqualTypeOf<{ title: string }>();
  expectTypeOf(chunkOf(sequence(model, elementsParser(z.number())))).toEqualTypeOf<number>();
});

test('DeepPartial makes every level optional', () => {
  expectTypeOf<DeepPartial<{ a: { b: string[] }; c?: number }>>().toEqualTypeOf<{ a?: { b?: string[] }; c?: number }>();
  expectTypeOf<DeepPartial<{ a: { b: number }[] }>>().toEqualTypeOf<{ a?: { b?: number }[] }>();
});
