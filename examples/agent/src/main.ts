/**
 * Agent: a multi-step tool loop with `createAgent`. The model decides which
 * tools to call; the calls of one step run in parallel and their results go
 * back to it, step after step, until it answers. Every step streams in the
 * terminal as it happens: text, tool arguments as the model writes them,
 * results as each tool returns.
 *
 * Offline by default (the embedded mock OpenAI server plays the model); a real
 * endpoint with OPENAI_API_KEY (and optionally OPENAI_BASE_URL, RIVULET_MODEL).
 *
 *   pnpm --filter @rivulet/example-agent start
 */
import { human, type MessageLike } from '@rivulet/core';
import { createAgent } from '@rivulet/agents';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { offlineModel } from './offline-model.js';
import { riverFlow, weather } from './tools.js';

const online = Boolean(process.env['OPENAI_API_KEY'] || process.env['OPENAI_BASE_URL']);
const mock = online ? undefined : await startMockOpenAIServer(offlineModel);
const model = new OpenAIChatModel({
  model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini',
  ...(mock && { apiKey: 'mock-key', baseURL: mock.url }),
});

const agent = createAgent({
  model,
  tools: [weather, riverFlow],
  instructions:
    'You plan canoe trips on Norwegian rivers. Check the river flow at the put-in and the weather at both ends with the tools before you answer; never guess numbers. Answer in three sentences.',
  maxSteps: 6,
});

// Printing: parts arrive mid-line (text deltas) or as whole lines (results).
let midLine = false;
const write = (text: string): void => {
  process.stdout.write(text);
  midLine = !text.endsWith('\n');
};
const line = (text: string): void => write(`${midLine ? '\n' : ''}${text}\n`);

console.log(`Model: ${mock ? `the embedded mock OpenAI server at ${mock.url} (set OPENAI_API_KEY for a real model)` : model.name}`);
const question = 'Can I paddle the Glomma from Kongsvinger to Elverum tomorrow?';
const conversation: MessageLike[] = [human(question)];
line(`\n? ${question}`);

try {
  let openCall: string | undefined;
  for await (const part of agent.stream(conversation)) {
    switch (part.type) {
      case 'step-start':
        line(`\n── step ${part.step + 1}`);
        break;
      case 'text-delta':
        write(part.text);
        break;
      case 'tool-call-delta':
        // The arguments as the model writes them, fragment by fragment.
        if (part.toolCallId !== openCall) {
          openCall = part.toolCallId;
          write(`${midLine ? '\n' : ''}  calling ${part.toolName} `);
        }
        write(part.argsTextDelta);
        break;
      case 'tool-call':
        openCall = undefined;
        break;
      case 'tool-result':
        // Results arrive as each tool returns: the calls of a step run in parallel.
        line(`  ${part.isError ? '✗' : '✓'} ${part.toolName} → ${JSON.stringify(part.output)}`);
        break;
      case 'step-finish':
        conversation.push(...part.messages); // the reply and its tool results, ready for the next turn
        line(`  (step ${part.step + 1} ended: ${part.finishReason}, ${part.usage?.totalTokens ?? '?'} tokens)`);
        break;
      case 'finish':
        line(`\nDone in ${part.steps} steps, ${part.usage?.totalTokens ?? '?'} tokens in all.`);
        break;
    }
  }

  // `invoke` folds the same parts into one result. The conversation so far goes first, so the model remembers.
  const followUp = 'And from Elverum on to Rena?';
  line(`\n? ${followUp}`);
  const result = await agent.invoke([...conversation, human(followUp)]);
  line(result.text);
  line(`(${result.steps.length} step, ${result.messages.length} new message, ${result.usage?.totalTokens ?? '?'} tokens)`);
} finally {
  await mock?.close();
}
