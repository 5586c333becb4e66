import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';

/** The offline model: a loopback server speaking the OpenAI wire, answering each question after 30 ms. */
export async function startMockModel(): Promise<{ readonly mock: MockOpenAIServer; readonly model: OpenAIChatModel }> {
  const mock = await startMockOpenAIServer((request) => {
    const question = String(request.body?.messages?.at(-1)?.content ?? '');
    return { text: answer(question), chunkSize: 6, delayMs: 30, usage: { promptTokens: Math.ceil(question.length / 4), completionTokens: 12 } };
  });
  const model = new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: null, baseURL: mock.url });
  return { mock, model };
}

const rivers: Record<string, string> = {
  Glomma: 'the longest river in Norway, 621 km',
  Tagus: 'the longest river of the Iberian Peninsula, 1,007 km',
  Danube: 'a river through ten countries, 2,850 km',
  Rhine: 'a river from the Alps to the North Sea, 1,233 km',
};

function answer(question: string): string {
  const river = Object.keys(rivers).find((name) => question.includes(name));
  return river === undefined ? `A short answer to: ${question}` : `The ${river} is ${rivers[river]}.`;
}
