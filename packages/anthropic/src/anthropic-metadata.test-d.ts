import { describe, expectTypeOf, it } from 'vitest';
import type { AnthropicChatModel, AnthropicMetadata } from '@rivulet/anthropic';

declare const claude: AnthropicChatModel;

describe("AnthropicChatModel's reply metadata", () => {
  it('types the stop sequence, the id, the model and the raw stop reason', async () => {
    const { responseMetadata } = await claude.invoke('Count to ten');
    expectTypeOf(responseMetadata).toEqualTypeOf<AnthropicMetadata>();
    expectTypeOf(responseMetadata.stopSequence).toEqualTypeOf<string | undefined>();
    expectTypeOf(responseMetadata.finishReason).toEqualTypeOf<string | undefined>();
    expectTypeOf(responseMetadata['citations']).toBeUnknown();
  });
});
