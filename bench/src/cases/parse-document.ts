import type { BenchCase, CaseResult, RunSettings } from '../bench-case.js';
import { chunkText } from '../documents/chunk-text.js';
import { llmJsonDocument } from '../documents/llm-json-document.js';
import { measureRounds, type Sampled } from '../measure.js';
import { checkedParse } from '../parse/checked-parse.js';
import { parsePeers, rivuletParser, rivuletVariants } from '../parse/contenders.js';
import { measureReparsing, type ReparsePlan } from '../parse/measure-reparsing.js';
import type { ParseContender } from '../parse/parse-contender.js';
import { scaleTiming, type Timing } from '../stats/summarize.js';

const chunkSize = 4;

/** How one size is measured. */
export interface ParsePlan {
  readonly id: string;
  readonly bytes: number;
  /**
   * How the re-parsing peers are measured at this size: whole, or
   * estimated from sampled per-chunk work (see {@link ReparsePlan}).
   */
  reparse(settings: RunSettings): ReparsePlan;
  /**
   * A smaller size whose engine time is measured in the same rounds, so the
   * growth between the two sizes is a ratio of the same run's conditions
   * (the machine is shared: separate cases can meet different loads).
   */
  readonly growthFrom?: number;
}

/**
 * `parse-<size>`: an LLM-style JSON document streamed in 4-character chunks,
 * the current value read after every chunk, by every library; the floor is
 * one `JSON.parse` of the whole text. ms per document.
 */
export function parseDocumentCase(plan: ParsePlan): BenchCase {
  return {
    id: plan.id,
    async run(settings) {
      const text = llmJsonDocument(plan.bytes);
      const chunks = chunkText(text, chunkSize);
      const expected: unknown = JSON.parse(text);
      const incremental = [rivuletParser, ...rivuletVariants, ...parsePeers.filter((peer) => peer.kind === 'incremental')];
      const reparsing = parsePeers.filter((peer) => peer.kind === 'reparse');

      const smallText = plan.growthFrom === undefined ? undefined : llmJsonDocument(plan.growthFrom);
      const small = smallText === undefined ? undefined : chunkText(smallText, chunkSize);
      // JSON.parse of a small text is too quick to time alone: time a batch.
      const parsesPerSample = Math.max(1, Math.round(1_000_000 / text.length));
      const sampled: Record<string, Sampled> = {
        ...Object.fromEntries(incremental.map((c) => [c.name, checkedParse(c, chunks, expected)])),
        ...(small && { growthBase: () => rivuletParser.parseStream(small) }),
        ...(smallText && {
          growthBaseParse: () => {
            for (let i = 0; i < 10; i++) JSON.parse(smallText);
          },
        }),
      };
      const timings: Record<string, Timing> = await measureRounds(
        {
          ...sampled,
          'JSON.parse': () => {
            for (let i = 0; i < parsesPerSample; i++) JSON.parse(text);
          },
        },
        { ...settings, minDurationMs: settings.quick ? 1_000 : 3_000 },
      );
      timings['JSON.parse'] = scaleTiming(timings['JSON.parse'] as Timing, 1 / parsesPerSample);

      const reparsed = await measureReparsing(reparsing, text, chunks, expected, plan.reparse(settings));
      Object.assign(timings, reparsed.timings);

      const pick = (c: ParseContender): Timing => timings[c.name] as Timing;
      return {
        id: plan.id,
        unit: 'ms/document',
        rivulet: pick(rivuletParser),
        variants: Object.fromEntries(rivuletVariants.map((c) => [c.name, pick(c)])),
        peers: Object.fromEntries(parsePeers.map((c) => [c.name, pick(c)])),
        floor: timings['JSON.parse'] as Timing,
        params: {
          bytes: text.length,
          chunks: chunks.length,
          chunkSize,
          ...(smallText &&
            timings['growthBase'] &&
            timings['growthBaseParse'] && {
              growthBaseBytes: smallText.length,
              growthBaseMs: timings['growthBase'].median,
              growthBaseParseMs: timings['growthBaseParse'].median / 10,
            }),
        },
        notes:
          `${text.length} characters in ${chunks.length} chunks of ${chunkSize}; every contender reads the value after every chunk. ` +
          `Rivulet: the engine (PartialJsonParser.push + .value); jsonParser() and its patch mode run as runnables through asOperator(), every emitted chunk consumed. ` +
          reparsed.note +
          (smallText
            ? ` Growth: on the ${smallText.length}-character document, measured in the same rounds, the engine took ${round3(timings['growthBase']?.median)} ms ` +
              `(params.growthBaseMs, ${round3(ratio(timings, rivuletParser.name, 'growthBase'))} × less) and JSON.parse ${round3((timings['growthBaseParse']?.median ?? NaN) / 10)} ms ` +
              `(${round3(ratio(timings, 'JSON.parse', 'growthBaseParse') * 10)} × less).`
            : ''),
      } satisfies CaseResult;
    },
  };
}

function ratio(timings: Record<string, Timing>, a: string, b: string): number {
  return (timings[a]?.median ?? Number.NaN) / (timings[b]?.median ?? Number.NaN);
}

function round3(value: number | undefined): string {
  return value === undefined ? '?' : value.toPrecision(3);
}
