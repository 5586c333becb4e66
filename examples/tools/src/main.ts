/**
 * Tools: a small tool loop. The model asks for tools (their arguments stream
 * in as partial objects), `executeToolCalls` runs them, and the results go
 * back to the model for its next turn, until it answers in text.
 *
 * Offline by default (the embedded mock OpenAI server); a real endpoint with
 * OPENAI_API_KEY (and optionally OPENAI_BASE_URL, RIVULET_MODEL).
 *
 *   pnpm --filter @rivulet/example-tools start
 */
import { z } from 'zod';
import { human, system, type AIMessageChunk, type Message } from '@rivulet/core';
import { executeToolCalls, tool } from '@rivulet/models';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type OpenAIRecordedRequest } from '@rivulet/openai/testing';

// A tool: a name, a description for the model, a zod schema for its arguments,
// and `execute`, whose argument type is inferred from the schema.
const weather = tool({
  name: 'get_weather',
  description: 'The current weather in a city.',
  schema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
  execute: async ({ city, unit }) => {
    const celsius = { Oslo: 4, Lima: 19 }[city] ?? 12;
    return { city, temperature: unit === 'celsius' ? celsius : Math.round(celsius * 1.8 + 32), unit, sky: 'cloudy' };
  },
});

const riverLength = tool({
  name: 'river_length',
  description: 'The length of a river in kilometres.',
  schema: z.object({ river: z.string() }),
  execute: ({ river }) => {
    const km = { Nile: 6650, Amazon: 6400, Glomma: 621 }[river];
    if (km === undefined) throw new Error(`no data about the ${river}`); // becomes an error result the model can read
    return `${river}: ${km} km`;
  },
});

const tools = [weather, riverLength];

// Offline, the mock plays the model: it asks for tools first, then answers from their results.
function mockModel(request: OpenAIRecordedRequest) {
  const results = (request.body?.messages ?? []).filter((message) => message.role === 'tool').map((message) => message.content);
  if (results.length === 0) {
    return {
      text: 'Let me look that up.',
      toolCalls: [
        { name: 'get_weather', arguments: JSON.stringify({ city: 'Oslo', unit: 'celsius' }) },
        { name: 'river_length', arguments: JSON.stringify({ river: 'Glomma' }) },
      ],
      chunkSize: 5,
      delayMs: 15,
    };
  }
  const found = results.map((content) => (typeof content === 'string' ? content : JSON.stringify(content)));
  return { text: `From the tools: ${found.join(' and ')}. So: about 4 °C and cloudy in Oslo, and the Glomma is 621 km long.`, chunkSize: 8, delayMs: 10 };
}

const online = Boolean(process.env['OPENAI_API_KEY'] || process.env['OPENAI_BASE_URL']);
const mock = online ? undefined : await startMockOpenAIServer(mockModel);
const model = new OpenAIChatModel({
  model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini',
  ...(mock && { apiKey: 'mock-key', baseURL: mock.url }),
}).bindTools(tools);

const messages: Message[] = [
  system('You answer questions about rivers and weather. Use the tools; never guess numbers.'),
  human('How cold is it in Oslo right now, and how long is the Glomma?'),
];

try {
  for (let turn = 1; turn <= 5; turn++) {
    console.log(`--- model turn ${turn}`);
    let reply: AIMessageChunk | undefined;
    const names = new Map<number, string>(); // a call's name comes with its first fragment only
    const shown = new Map<number, unknown>();
    for await (const chunk of model.stream(messages)) {
      if (chunk.content) process.stdout.write(chunk.content);
      for (const call of chunk.toolCallChunks) {
        if (call.name) {
          names.set(call.index, call.name);
          process.stdout.write(`\n  calling ${call.name} `);
        }
        // `partialArgs`: the arguments parsed so far, an immutable snapshot that grows while the model
        // writes them. A fragment that changed nothing (`,"` say) leaves the same object: compare by reference.
        if (call.partialArgs && call.partialArgs !== shown.get(call.index)) {
          shown.set(call.index, call.partialArgs);
          process.stdout.write(`· ${JSON.stringify(call.partialArgs)} `);
        }
      }
      reply = reply ? reply.concat(chunk) : chunk;
    }
    process.stdout.write('\n');
    if (!reply) throw new Error('The model sent nothing.');

    messages.push(reply); // the assistant turn, tool calls included
    if (reply.toolCalls.length === 0) break; // an answer in text: done

    // Runs every call (validating its arguments with the tool's schema) and answers each with a ToolMessage.
    // A failing tool becomes a ToolMessage with isError: true, so the model can react; nothing throws.
    const results = await executeToolCalls(reply, tools);
    for (const result of results) console.log(`  → ${result.name}${result.isError ? ' (error)' : ''}: ${result.text}`);
    messages.push(...results);
  }
} finally {
  await mock?.close();
}
