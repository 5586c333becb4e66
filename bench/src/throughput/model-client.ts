import OpenAI from 'openai';
import { expectedModelRequest } from './mock-model.js';

/**
 * The model alone, no server in between: the official `openai` SDK in the
 * client's process streaming the mock's answer, each delta's text joined.
 * Resolves to the text. The floor of `server-throughput`: what a round costs
 * the mock and a client parsing its stream, with no server to carry.
 */
export function modelClient(modelUrl: string): () => Promise<string> {
  const client = new OpenAI({ apiKey: 'offline', baseURL: modelUrl });
  return async () => {
    let text = '';
    const stream = await client.chat.completions.create({ ...expectedModelRequest, stream: true });
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  };
}
