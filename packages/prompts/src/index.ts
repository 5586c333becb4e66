// text prompts
export { promptTemplate, PromptTemplate, type PromptTemplateOptions } from './prompt/prompt-template.js';
export { BasePromptTemplate } from './prompt/base-prompt-template.js';
export { fewShot, type FewShotOptions } from './few-shot/few-shot.js';

// chat prompts
export { chatPrompt, ChatPromptTemplate, type ChatPromptOptions } from './chat/chat-prompt.js';
export { placeholder, type Placeholder, type PlaceholderOptions } from './chat/placeholder.js';
export { fewShotChat, type FewShotChatOptions } from './few-shot/few-shot-chat.js';
export type { ChatEntry, ChatRole, ChatTemplateContent, TemplateContentPart } from './chat/chat-entry.js';
export type { ChatVars, ChatAsync } from './chat/chat-variables.js';

// types of variables and partial values
export type { TemplateFormat } from './types/template-format.js';
export type { TemplateVars } from './types/template-variables.js';
export type { FStringVars } from './types/fstring-variables.js';
export type { MustacheVars, SectionValue } from './types/mustache-variables.js';
export type { EmptyVars, AnyVars } from './types/empty-vars.js';
export type { PartialValue, PartialValues, FormatResult } from './partials/partial-values.js';
