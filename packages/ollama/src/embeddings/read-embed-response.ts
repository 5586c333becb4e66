import { type ErrorContext, previewData, providerError } from '@rivulet/provider-utils';
import type { EmbeddingResultV1 } from '@rivulet/provider';

/**
 * The body of a successful `/api/embed` response, checked: a body that is
 * not JSON is `unexpected_content_type` (a proxy's page), JSON of the wrong
 * shape or with the wrong number of vectors is `malformed_event`; neither
 * is retryable. `prompt_eval_count` is the usage; model and durations (ns)
 * go in the metadata.
 */
export async function readEmbedResponse(response: Response, context: ErrorContext, count: number): Promise<EmbeddingResultV1> {
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (!/^application\/json\b/i.test(contentType.trim())) {
    const start = text.trim().slice(0, 80);
    throw providerError(context, `expected application/json but the server answered ${contentType || 'without a content-type'}${start ? ` (${JSON.stringify(start)})` : ''}.`, {
      status: response.status,
      code: 'unexpected_content_type',
      retryable: false,
    });
  }
  const body = parse(text);
  const embeddings = body?.['embeddings'];
  if (!Array.isArray(embeddings) || !embeddings.every(isVector)) throw malformed(context, `expected \`embeddings\` as arrays of numbers, got ${previewData(text, context)}`);
  if (embeddings.length !== count) throw malformed(context, `${count} texts sent but ${embeddings.length} vectors received`);
  const inputTokens = body?.['prompt_eval_count'];
  const metadata = Object.fromEntries(
    Object.entries({ model: body?.['model'], totalDuration: body?.['total_duration'], loadDuration: body?.['load_duration'] }).filter(([, value]) => value !== undefined),
  );
  return {
    embeddings: embeddings as number[][],
    // Ollama leaves zero counts out, so a missing count is 0.
    usage: { inputTokens: typeof inputTokens === 'number' ? inputTokens : 0 },
    ...(Object.keys(metadata).length > 0 && { metadata }),
  };
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isVector(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

function malformed(context: ErrorContext, detail: string) {
  return providerError(context, `the /api/embed response is malformed (${detail}).`, { code: 'malformed_event', retryable: false });
}
