export { FakeChatModel, type FakeChatModelOptions } from './fake/fake-chat-model.js';
export { FakeProvider, type FakePacing } from './fake/fake-provider.js';
export type { FakeReply, FakeToolCall } from './fake/fake-reply.js';
