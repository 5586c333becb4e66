import { Output, streamObject, streamText } from 'ai';
import { JsonOutputParser } from '@langchain/core/output_parsers';
import { ChatModel } from '@rivulet/models';
import type { BenchCase, RunSettings } from '../bench-case.js';
import { chunkText } from '../documents/chunk-text.js';
import { documentSchema } from '../documents/document-schema.js';
import { llmJsonDocument } from '../documents/llm-json-document.js';
import { aiSdkMockModel } from '../fakes/ai-sdk-mock-model.js';
import { langchainChunkModel } from '../fakes/langchain-chunk-model.js';
import { scriptedProvider } from '../fakes/scripted-provider.js';
import { measureRounds } from '../measure.js';

/**
 * ms per document: a model streams a JSON answer in 4-character deltas
 * through structured output with a zod schema, and every partial object is
 * consumed; the final object is validated by the schema in every library.
 * The peers re-parse the accumulated text on every delta (quadratic), so at
 * 100 KB each runs once (tens of seconds); `--quick` uses 20 KB.
 */
export const structuredOutput: BenchCase = {
  id: 'structured-100kb',
  async run(settings: RunSettings) {
    const bytes = settings.quick ? 20_000 : 100_000;
    const text = llmJsonDocument(bytes);
    const deltas = chunkText(text, 4);
    const recordCount = (JSON.parse(text) as { count: number }).count;
    const prompt = 'List the records as JSON.';

    // Reads every partial object, then the final one (`final` gets the last partial).
    const consume = async (partials: AsyncIterable<unknown>, final: (last: unknown) => unknown): Promise<void> => {
      let seen = 0;
      let last: unknown;
      for await (const partial of partials) if ((last = partial) !== undefined) seen++;
      const value = (await final(last)) as { count?: number } | undefined;
      if (seen === 0 || value?.count !== recordCount) throw new Error('structured output did not produce the document');
    };

    const rivulet = new ChatModel(scriptedProvider(deltas)).withStructuredOutput(documentSchema);
    const langchain = langchainChunkModel(deltas).pipe(new JsonOutputParser());
    const aiSdkModel = aiSdkMockModel(deltas);

    const rivuletTiming = await measureRounds(
      {
        // The last chunk is the value validated by the whole schema.
        rivulet: () => consume(rivulet.stream(prompt), (last) => last),
      },
      { ...settings, minDurationMs: settings.quick ? 500 : 2_000 },
    );
    // Quadratic peers: one run each, no warm-up (their cost is seconds of parsing, not JIT warm-up).
    const peerTimings = await measureRounds(
      {
        'AI SDK streamText + Output.object': async () => {
          const result = streamText({ model: aiSdkModel, prompt, output: Output.object({ schema: documentSchema }) });
          await consume(result.partialOutputStream, () => result.output);
        },
        'AI SDK streamObject': async () => {
          const result = streamObject({ model: aiSdkModel, prompt, schema: documentSchema });
          await consume(result.partialObjectStream, () => result.object);
        },
        'LangChain model → JsonOutputParser': async () => consume(await langchain.stream(prompt), (last) => documentSchema.parse(last)),
      },
      { warmup: 0, repetitions: 1 },
    );
    return {
      id: this.id,
      unit: 'ms/document',
      rivulet: rivuletTiming.rivulet,
      peers: peerTimings,
      params: { bytes: text.length, chunks: deltas.length, chunkSize: 4 },
      notes:
        `${text.length} characters of JSON in ${deltas.length} deltas of 4${settings.quick ? ' (--quick: 20 KB instead of 100 KB)' : ''}, zod schema of the whole document. ` +
        `Rivulet: ChatModel over a scripted provider .withStructuredOutput(schema).stream(), for await. AI SDK: MockLanguageModelV3 (null delays) with streamText + Output.object (partialOutputStream, then output) ` +
        `and the deprecated streamObject (partialObjectStream, then object). LangChain: FakeStreamingChatModel({ chunks }) → JsonOutputParser, stream(), final value checked with schema.parse ` +
        `(withStructuredOutput needs a tool-calling model; the fake has none that streams JSON text). Peers: 1 run each.`,
    };
  },
};
