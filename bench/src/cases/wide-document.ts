import type { $ZodType } from 'zod/v4/core';
import type { BenchCase, CaseResult } from '../bench-case.js';
import { aiSdkParsePartialJson } from '../parse/ai-sdk-parse-partial-json.js';
import { langchainJsonOutputParser } from '../parse/langchain-json-output-parser.js';
import { measureReparsing } from '../parse/measure-reparsing.js';
import type { Timing } from '../stats/summarize.js';
import { measureWithinBudget } from '../structured/measure-within-budget.js';
import { chunkSize, streamedDocument } from '../structured/streamed-document.js';
import { wideRivulet, wideVariants } from '../structured/wide-contenders.js';

/** A wide document and its schema. */
export interface WidePlan {
  readonly id: string;
  /** A deterministic document of about `bytes` characters. */
  document(bytes: number): string;
  readonly schema: $ZodType;
}

/**
 * `wide-*-1mb`: a document whose one array stays open to the end, streamed in
 * 4-character chunks through structured output (`structuredParser(schema)`
 * behind `fakeRunnable`), beside the engine alone, `jsonParser()` and the
 * browser client applying the served patch stream; re-parsing peers
 * estimated as in `parse-1mb`. ms per document. 1 MB (`--quick`: 256 KB),
 * with Rivulet's growth from about half the size measured alongside.
 */
export function wideDocumentCase(plan: WidePlan): BenchCase {
  return {
    id: plan.id,
    async run(settings) {
      const { bytes, growthFrom } = settings.quick ? { bytes: 256_000, growthFrom: 128_000 } : { bytes: 1_000_000, growthFrom: 512_000 };
      const documentOf = (size: number) => streamedDocument(plan.document(size), plan.schema);
      const document = documentOf(bytes);
      // Four Rivulet contenders of hundreds of ms each, plus the growth base: 7 measured rounds, not 11, keep the full
      // run within its budget; one warm-up round is enough after the runs that decide how each is measured.
      const rounds = { ...settings, warmup: 1, repetitions: Math.min(settings.repetitions, 7), minDurationMs: settings.quick ? 1_000 : 3_000 };
      const measured = await measureWithinBudget([wideRivulet, ...wideVariants], wideRivulet, document, documentOf, {
        growthFrom,
        runLimitMs: settings.quick ? 500 : 1_000,
        wholeLimitMs: settings.quick ? 20_000 : 60_000,
        rounds,
      });
      const reparsing = [langchainJsonOutputParser, aiSdkParsePartialJson];
      const reparsed = await measureReparsing(reparsing, document.text, document.chunks, document.expected, {
        estimate: settings.quick ? { positions: 8, repetitions: 3 } : { positions: 32, repetitions: 3 },
      });
      const timings = measured.timings;
      const pick = (name: string): Timing => timings[name] as Timing;
      return {
        id: plan.id,
        unit: 'ms/document',
        rivulet: pick(wideRivulet.name),
        variants: Object.fromEntries(wideVariants.map((c) => [c.name, pick(c.name)])),
        peers: reparsed.timings,
        params: {
          bytes: document.text.length,
          chunks: document.chunks.length,
          chunkSize,
          ...(timings['growthBase'] && { growthBaseBytes: measured.growthBaseBytes, growthBaseMs: timings['growthBase'].median }),
        },
        notes:
          `${document.text.length} characters in ${document.chunks.length} chunks of ${chunkSize}${settings.quick ? ' (--quick: 256 KB instead of 1 MB)' : ''}. ` +
          `Rivulet: fakeRunnable(chunks).pipe(structuredParser(schema)).stream(), subscribed, every snapshot delivered; engine: PartialJsonParser.push + .value per chunk; ` +
          `jsonParser(): piped the same way; client: readRunStream over the createHandler stream response, served once unmeasured, every item read. ` +
          `Each ends with a value deep-equal to JSON.parse's; ${rounds.repetitions} measured rounds, round-robin. ${measured.note ? `${measured.note} ` : ''}` +
          (timings['growthBase']
            ? `Growth: ${wideRivulet.name} on the ${measured.growthBaseBytes}-character document, measured with it (params.growthBaseMs), ` +
              `${(pick(wideRivulet.name).median / timings['growthBase'].median).toFixed(2)} × less. `
            : '') +
          reparsed.note,
      } satisfies CaseResult;
    },
  };
}
