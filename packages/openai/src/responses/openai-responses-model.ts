import { ChatModel, type ChatModelOptions, type ChatResponseMetadata } from '@rivulet/models';
import { OpenAIResponsesProvider, type OpenAIResponsesProviderSettings } from './openai-responses-provider.js';

/** Options of {@link OpenAIResponsesModel}: connection settings plus every `ChatModel` option. */
export interface OpenAIResponsesModelOptions extends OpenAIResponsesProviderSettings, ChatModelOptions {}

/**
 * A chat model on OpenAI's Responses API (`POST /responses`, streamed),
 * OpenAI's primary API for new models and features, through the official
 * `openai` SDK. Reasoning summaries stream as `reasoning`, function calls as
 * tool calls keyed by their `call_id`. Differences from `OpenAIChatModel`:
 * - nothing is stored on OpenAI's servers (`store: false`) unless
 *   `providerOptions: { store: true }` says so;
 * - `stop`, `seed`, the penalties and `n > 1` are an `InputError`, since the
 *   Responses API has no such parameters; `maxTokens` is `max_output_tokens`;
 * - tools without `strict` are sent with `strict: false` (the API's default
 *   is strict);
 * - a refusal streams as text and finishes as `content_filter` (raw reason
 *   `refusal`).
 *
 * `providerOptions` are Responses API fields, sent as given (see
 * `OpenAIResponsesProviderOptions`): `reasoning: { effort, summary }`,
 * `include`, `instructions`, `service_tier`, `store`, `text: { verbosity }`.
 * Replies' `responseMetadata` has the response `id`, the `model` and the raw
 * `finishReason` (`completed`, `incomplete`'s reason, `refusal`).
 *
 * @example
 * ```ts
 * const model = new OpenAIResponsesModel({
 *   model: 'gpt-5-mini',
 *   providerOptions: { reasoning: { effort: 'low', summary: 'auto' } },
 * });
 * const reply = await model.invoke('Why do rivers meander?');
 * console.log(reply.reasoning, reply.content);
 * ```
 */
export class OpenAIResponsesModel extends ChatModel<ChatResponseMetadata> {
  constructor(options: OpenAIResponsesModelOptions) {
    const { model, apiKey, baseURL, organization, defaultHeaders, fetch, providerName, ...modelOptions } = options;
    super(new OpenAIResponsesProvider({ model, apiKey, baseURL, organization, defaultHeaders, fetch, providerName }), modelOptions);
  }
}
