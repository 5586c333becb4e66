import { AnthropicChatModel } from '@rivulet/anthropic';
import { startMockAnthropicServer, toMockAnthropicReply } from '@rivulet/anthropic/testing';
import { describeProviderConformance, playConformanceScript } from '@rivulet/provider-utils/testing';

const apiKey = 'sk-ant-test-conformance-secret';

describeProviderConformance({
  name: 'anthropic',
  apiKey,
  wire: 'sse',
  async startServer(script) {
    const server = await startMockAnthropicServer(playConformanceScript(script, toMockAnthropicReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      model: (options) => new AnthropicChatModel({ model: 'claude-test', apiKey, baseURL: server.url, ...options }),
    };
  },
});
