import { ChatPromptTemplate } from '../chat/chat-prompt.js';
import type { EmptyVars } from '../types/empty-vars.js';
import { formatExamples } from './format-examples.js';

/** Options of {@link fewShotChat}. */
export interface FewShotChatOptions<Ex> {
  /** The examples, each the variables of `examplePrompt`. */
  readonly examples: readonly NoInfer<Ex>[];
  /** Formats one example into messages, usually a human turn and an ai turn. */
  readonly examplePrompt: ChatPromptTemplate<Ex, false>;
  /** The name in run events. Default `fewShotChat`. */
  readonly name?: string | undefined;
}

/**
 * Worked examples as a conversation: each example formatted with
 * `examplePrompt` into alternating messages, once, here. The result has no
 * variables; put it in a `chatPrompt` between the instructions and the input.
 *
 * @example
 * ```ts
 * const examples = fewShotChat({
 *   examples: [{ input: '2 + 2', output: '4' }, { input: '2 + 3', output: '5' }],
 *   examplePrompt: chatPrompt([['human', '{input}'], ['ai', '{output}']]),
 * });
 * const prompt = chatPrompt([['system', 'You are a calculator.'], examples, ['human', '{input}']]);
 * ```
 */
export function fewShotChat<Ex>(options: FewShotChatOptions<Ex>): ChatPromptTemplate<EmptyVars> {
  const { examples, examplePrompt } = options;
  const messages = formatExamples(examples, (example) => examplePrompt.format(example)).flat();
  return new ChatPromptTemplate(
    messages.map((message) => ({ kind: 'message', message })),
    options.name ?? 'fewShotChat',
  );
}
