import { ChatModel, type ChatModelOptions } from '@rivulet/models';
import type { GoogleMetadata } from './google-metadata.js';
import { GoogleProvider, type GoogleProviderSettings } from './google-provider.js';

/** Options of {@link GoogleChatModel}: connection settings plus every `ChatModel` option. */
export interface GoogleChatModelOptions extends GoogleProviderSettings, ChatModelOptions {}

/**
 * A Gemini chat model through the official `@google/genai` SDK: streaming,
 * reasoning (thought summaries, with `providerOptions: { thinkingConfig: {
 * includeThoughts: true } }`), tools, structured output, images.
 * `maxRetries` defaults to 2; `idleTimeout` bounds silences. The key comes
 * from `apiKey`, else `GOOGLE_API_KEY`, else `GEMINI_API_KEY`. Replies'
 * `responseMetadata` is a {@link GoogleMetadata} (grounding sources, citations, ...).
 *
 * @example
 * ```ts
 * const model = new GoogleChatModel({ model: 'gemini-2.5-flash', temperature: 0 });
 * for await (const chunk of model.stream('Why do rivers meander?')) process.stdout.write(chunk.content);
 * ```
 */
export class GoogleChatModel extends ChatModel<GoogleMetadata> {
  constructor(options: GoogleChatModelOptions) {
    const { model, apiKey, baseURL, apiVersion, headers, fetch, providerName, ...modelOptions } = options;
    super(new GoogleProvider({ model, apiKey, baseURL, apiVersion, headers, fetch, providerName }), modelOptions);
  }
}
