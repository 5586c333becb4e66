// fakes
export { FakeChatModel, type FakeChatModelOptions } from './fake/fake-chat-model.js';
export { FakeProvider, type FakePacing } from './fake/fake-provider.js';
export type { FakeReply, FakeToolCall } from './fake/fake-reply.js';
export { FakeEmbeddingModel, type FakeEmbeddingModelOptions } from './fake/fake-embedding-model.js';
export { FakeEmbeddingProvider, type FakeEmbeddingProviderOptions } from './fake/fake-embedding-provider.js';
export { hashEmbedding } from './fake/hash-embedding.js';
