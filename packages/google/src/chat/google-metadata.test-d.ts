import { describe, expectTypeOf, it } from 'vitest';
import type { GroundingMetadata, SafetyRating } from '@google/genai';
import type { GoogleChatModel, GoogleMetadata } from '@rivulet/google';

declare const gemini: GoogleChatModel;

describe("GoogleChatModel's reply metadata", () => {
  it('types grounding, safety ratings and thought signatures as the SDK does', async () => {
    const { responseMetadata } = await gemini.invoke('Who won?');
    expectTypeOf(responseMetadata).toEqualTypeOf<GoogleMetadata>();
    expectTypeOf(responseMetadata.groundingMetadata).toEqualTypeOf<GroundingMetadata | undefined>();
    expectTypeOf(responseMetadata.safetyRatings).toEqualTypeOf<readonly SafetyRating[] | undefined>();
    expectTypeOf(responseMetadata.thoughtSignatures).toEqualTypeOf<Readonly<Record<string, string>> | undefined>();
    expectTypeOf(responseMetadata.model).toEqualTypeOf<string | undefined>();
  });
});
