import type { ChatRequest, EmbedRequest } from 'ollama/browser';
import type { RecordedRequest } from '@rivulet/provider-utils/testing';

/**
 * A request body as the mock Ollama server records it: parsed JSON, typed
 * after the `ollama` client's chat and embed requests for convenient
 * assertions but not validated, so every field may be missing.
 */
export type OllamaRequestBody = Partial<ChatRequest> & Partial<Omit<EmbedRequest, 'options'>>;

/** A request recorded by the mock Ollama server. */
export type OllamaRecordedRequest = RecordedRequest<OllamaRequestBody>;
