import { OutputParserError, ProviderError, TimeoutError, TruncatedStreamError } from '@rivulet/core';
import type { MockReply } from '@rivulet/openai/testing';
import { replyFor } from './run-script.js';

/** How a run facing a fault must end. */
export type FaultOutcome =
  | { readonly resolves: true }
  | { readonly resolves: false; readonly name: string; readonly check: (error: unknown) => boolean };

/** One kind of misbehaving model, and what Rivulet must make of it. */
export interface FaultCase {
  readonly name: string;
  /** The model's answer to attempt `i` of run `id` (the last one repeats). */
  readonly replies: (id: number, secret: string) => readonly MockReply[];
  readonly outcome: FaultOutcome;
  /** Model requests the run must make: more would be a retry the rule forbids, fewer a retry skipped. */
  readonly requests: number;
  /** Least wait between the first two requests (a Retry-After to honour). */
  readonly minGapMs?: number;
}

/**
 * Model options every fault case assumes: two retries (three attempts), an
 * idle timeout short enough for a quick suite yet well above the time to
 * first chunk of a healthy run under the suite's load (on two shared cores),
 * and quick backoff.
 */
export const faultModelOptions = {
  maxRetries: 2,
  idleTimeout: 6_000,
  retry: { initialDelayMs: 10, maxDelayMs: 40 },
} as const;

const ok = (id: number): MockReply => ({ text: replyFor(id), chunkSize: 16 });
const resolves: FaultOutcome = { resolves: true };

function fails<E>(name: string, isInstance: (e: unknown) => e is E, fields: (e: E) => boolean = () => true): FaultOutcome {
  return { resolves: false, name, check: (e) => isInstance(e) && fields(e) };
}

const provider = (fields: (e: ProviderError) => boolean): FaultOutcome => fails('ProviderError', ProviderError.isInstance, fields);

/**
 * The fault mix: statuses with and without Retry-After, final statuses,
 * dropped connections, stalls before and after the first chunk, mid-stream
 * error events, malformed events, truncation, JSON instead of a stream,
 * invalid model output. `secret` is echoed in error messages where a careless
 * provider or proxy might echo the API key.
 */
export const faultCases: readonly FaultCase[] = [
  { name: 'healthy', replies: (id) => [ok(id)], outcome: resolves, requests: 1 },
  { name: '429 retry-after-ms, then ok', replies: (id) => [{ status: 429, retryAfterMs: 150 }, ok(id)], outcome: resolves, requests: 2, minGapMs: 140 },
  { name: '429 Retry-After: 1 s, then ok', replies: (id) => [{ status: 429, retryAfter: 1 }, ok(id)], outcome: resolves, requests: 2, minGapMs: 950 },
  {
    name: '429 every time',
    replies: () => [{ status: 429, retryAfterMs: 20 }],
    outcome: provider((e) => e.status === 429 && e.retryable),
    requests: 3,
  },
  { name: '500, 503, then ok', replies: (id) => [{ status: 500 }, { status: 503 }, ok(id)], outcome: resolves, requests: 3 },
  { name: '500 every time', replies: () => [{ status: 500 }], outcome: provider((e) => e.status === 500), requests: 3 },
  {
    name: '401 (never retried)',
    replies: (_, secret) => [{ status: 401, error: { message: `Incorrect API key provided: ${secret}`, code: 'invalid_api_key' } }],
    outcome: provider((e) => e.status === 401 && !e.retryable),
    requests: 1,
  },
  {
    name: '400 (never retried)',
    replies: (_, secret) => [{ status: 400, error: { message: `Bad request from key ${secret}` } }],
    outcome: provider((e) => e.status === 400 && !e.retryable),
    requests: 1,
  },
  {
    name: '429 then 401',
    replies: (_, secret) => [{ status: 429, retryAfterMs: 10 }, { status: 401, error: { message: `key ${secret} revoked` } }],
    outcome: provider((e) => e.status === 401),
    requests: 2,
  },
  { name: 'dropped before headers, then ok', replies: (id) => [{ dropBeforeHeaders: true }, ok(id)], outcome: resolves, requests: 2 },
  {
    name: 'dropped mid-stream',
    replies: (id) => [{ ...ok(id), dropAfterChunks: 3 }],
    outcome: provider((e) => e.code === 'connection_reset'),
    requests: 1,
  },
  { name: 'stalled before the first chunk, then ok', replies: (id) => [{ ...ok(id), stallAfterChunks: 0 }, ok(id)], outcome: resolves, requests: 2 },
  { name: 'headers later than the idle timeout, then ok', replies: (id) => [{ ...ok(id), headersDelayMs: 7_000 }, ok(id)], outcome: resolves, requests: 2 },
  {
    name: 'stalled mid-stream',
    replies: (id) => [{ ...ok(id), stallAfterChunks: 3 }],
    outcome: fails('TimeoutError', TimeoutError.isInstance, (e) => e.kind === 'idle'),
    requests: 1,
  },
  { name: 'short pause mid-stream (under the idle timeout)', replies: (id) => [{ ...ok(id), stallAfterChunks: 3, stallMs: 100 }], outcome: resolves, requests: 1 },
  {
    name: 'error event before the first chunk',
    // A transient error type before any content: nothing reached the user, so it is retried (maxRetries 2), then surfaces as retryable.
    replies: (id, secret) => [{ ...ok(id), errorEventAfterChunks: 0, error: { message: `overloaded (${secret})`, type: 'server_error' } }],
    outcome: provider((e) => e.retryable),
    requests: 3,
  },
  {
    name: 'error event mid-stream',
    replies: (id, secret) => [{ ...ok(id), errorEventAfterChunks: 3, error: { message: `overloaded (${secret})` } }],
    outcome: provider(() => true),
    requests: 1,
  },
  {
    name: 'malformed first event',
    replies: (id) => [{ ...ok(id), malformedAfterChunks: 0 }],
    outcome: provider((e) => e.code === 'malformed_event'),
    requests: 1,
  },
  {
    name: 'malformed event mid-stream',
    replies: (id) => [{ ...ok(id), malformedAfterChunks: 3 }],
    outcome: provider((e) => e.code === 'malformed_event'),
    requests: 1,
  },
  {
    name: 'truncated (no finish, no [DONE])',
    replies: (id) => [{ ...ok(id), omitDone: true, omitFinishReason: true }],
    outcome: fails('TruncatedStreamError', TruncatedStreamError.isInstance),
    requests: 1,
  },
  { name: 'no [DONE] after the finish', replies: (id) => [{ ...ok(id), omitDone: true }], outcome: resolves, requests: 1 },
  {
    name: 'JSON error body with status 200',
    replies: (_, secret) => [{ jsonErrorBody: true, error: { message: `quota of ${secret} exceeded`, code: 'insufficient_quota' } }],
    outcome: provider((e) => !e.retryable),
    requests: 1,
  },
  { name: 'proxy 502 text page, then ok', replies: (id, secret) => [{ status: 502, error: `<h1>Bad gateway</h1> upstream key ${secret}` }, ok(id)], outcome: resolves, requests: 2 },
  {
    name: 'proxy 502 text page every time',
    replies: (_, secret) => [{ status: 502, error: `<h1>Bad gateway</h1> upstream key ${secret}` }],
    outcome: provider((e) => e.status === 502 && e.retryable),
    requests: 3,
  },
  {
    name: 'invalid JSON from the model',
    replies: () => [{ text: '{"run": 1, "seed": oops', chunkSize: 5 }],
    outcome: fails('OutputParserError', OutputParserError.isInstance),
    requests: 1,
  },
  { name: 'stall, 500, then ok', replies: (id) => [{ ...ok(id), stallAfterChunks: 0 }, { status: 500 }, ok(id)], outcome: resolves, requests: 3 },
];
