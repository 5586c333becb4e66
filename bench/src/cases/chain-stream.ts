import { from, map } from 'rxjs';
import { streamText } from 'ai';
import { PromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatModel } from '@rivulet/models';
import { textParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import type { BenchCase } from '../bench-case.js';
import { aiSdkMockModel } from '../fakes/ai-sdk-mock-model.js';
import { langchainChunkModel } from '../fakes/langchain-chunk-model.js';
import { scriptedProvider } from '../fakes/scripted-provider.js';
import { measureRounds } from '../measure.js';
import { drainSync } from '../parse/drain-sync.js';
import { scaleTiming } from '../stats/summarize.js';

const chunkCount = 10_000;

/**
 * µs per chunk of prompt → fake chat model → text parser, streaming 10,000
 * chunks of 4 characters, consumed with `for await` in every library.
 */
export const chainStream: BenchCase = {
  id: 'chain-stream',
  async run(settings) {
    const deltas = Array.from({ length: chunkCount }, (_, i) => `w${String(i % 1000).padStart(3, '0')}`);
    const rivulet = promptTemplate('Tell me about {topic}').pipe(new ChatModel(scriptedProvider(deltas))).pipe(textParser());
    const langchain = PromptTemplate.fromTemplate('Tell me about {topic}').pipe(langchainChunkModel(deltas)).pipe(new StringOutputParser());
    const aiSdkModel = aiSdkMockModel(deltas);
    const expect = (count: number): void => {
      if (count !== chunkCount) throw new Error(`expected ${chunkCount} chunks, got ${count}`);
    };
    const characters = deltas.join('').length;
    // Every character must arrive. Rivulet's loop may see fewer, joined chunks: deltas waiting for a
    // loop slower than the producer coalesce (the peers queue every chunk instead).
    const count = async (stream: AsyncIterable<string>): Promise<void> => {
      let n = 0;
      for await (const text of stream) n += text.length;
      if (n !== characters) throw new Error(`expected ${characters} characters, got ${n}`);
    };
    const timings = await measureRounds(
      {
        rivulet: () => count(rivulet.stream({ topic: 'rivers' })),
        'rivulet (subscribe)': () =>
          new Promise<void>((resolve, reject) => {
            let n = 0;
            rivulet.stream({ topic: 'rivers' }).subscribe({ next: () => n++, error: reject, complete: () => (expect(n), resolve()) });
          }),
        langchain: async () => count(await langchain.stream({ topic: 'rivers' })),
        aiSdk: () => count(streamText({ model: aiSdkModel, prompt: `Tell me about ${'rivers'}` }).textStream),
        floor: () => expect(drainSync(from(deltas).pipe(map((text) => text))).count),
      },
      settings,
    );
    const perChunk = 1000 / chunkCount;
    return {
      id: this.id,
      unit: 'µs/chunk',
      rivulet: scaleTiming(timings.rivulet, perChunk),
      variants: { 'rivulet (subscribe instead of for await)': scaleTiming(timings['rivulet (subscribe)'], perChunk) },
      peers: { LangChain: scaleTiming(timings.langchain, perChunk), 'AI SDK streamText': scaleTiming(timings.aiSdk, perChunk) },
      floor: scaleTiming(timings.floor, perChunk),
      params: { chunks: chunkCount, chunkSize: 4 },
      notes:
        `${chunkCount} text deltas of 4 characters per run, every character checked. Rivulet: promptTemplate → ChatModel over a scripted provider → textParser(), for await over stream() ` +
        `(a loop slower than the producer reads waiting deltas joined; the subscribe variant sees every chunk) ` +
        `(FakeChatModel overflows the stack beyond a few thousand chunks; see docs/performance.md). LangChain: PromptTemplate → FakeStreamingChatModel({ chunks }) → StringOutputParser, for await over stream(). ` +
        `AI SDK: streamText with MockLanguageModelV3 over simulateReadableStream with null delays, for await over textStream (no prompt template in the AI SDK: a template literal). Floor: RxJS from(array).pipe(map).`,
    };
  },
};
