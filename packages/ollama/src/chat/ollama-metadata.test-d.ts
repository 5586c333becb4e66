import { describe, expectTypeOf, it } from 'vitest';
import type { OllamaChatModel, OllamaMetadata } from '@rivulet/ollama';

declare const llama: OllamaChatModel;

describe("OllamaChatModel's reply metadata", () => {
  it('types the model, the creation time and the timings', async () => {
    const { responseMetadata } = await llama.invoke('Why is the sky blue?');
    expectTypeOf(responseMetadata).toEqualTypeOf<OllamaMetadata>();
    expectTypeOf(responseMetadata.evalDuration).toEqualTypeOf<number | undefined>();
    expectTypeOf(responseMetadata.createdAt).toEqualTypeOf<string | undefined>();
  });
});
