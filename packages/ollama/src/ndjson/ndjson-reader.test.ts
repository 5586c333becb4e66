import { describe, expect, it } from 'vitest';
import { NdjsonReader } from './ndjson-reader.js';

const encoder = new TextEncoder();

/** A body delivering `chunks` one read each (strings as UTF-8, or raw bytes). */
function body(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
  });
}

/** Every read's lines, until the end. */
async function reads(chunks: readonly (string | Uint8Array)[]): Promise<string[][]> {
  const reader = new NdjsonReader(body(chunks));
  const all: string[][] = [];
  for (let lines = await reader.read(); lines !== undefined; lines = await reader.read()) all.push(lines);
  return all;
}

describe('NdjsonReader', () => {
  it('gives the lines each read completes, joining lines split across reads', async () => {
    expect(await reads(['{"a":1}\n{"b"', ':2}\n{"c":3}\n', '{"d":4}\n'])).toEqual([['{"a":1}'], ['{"b":2}', '{"c":3}'], ['{"d":4}'], []]);
  });

  it('drops the CR of CRLF line ends and skips blank lines', async () => {
    expect((await reads(['{"a":1}\r\n\r\n  \n{"b":2}\r', '\n'])).flat()).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('decodes a character split between two reads', async () => {
    const bytes = encoder.encode('{"t":"é"}\n');
    expect((await reads([bytes.slice(0, 7), bytes.slice(7)])).flat()).toEqual(['{"t":"é"}']);
  });

  it('keeps a last line without newline when it is whole JSON, and drops it when cut off', async () => {
    expect((await reads(['{"a":1}\n{"done":true}'])).flat()).toEqual(['{"a":1}', '{"done":true}']);
    expect((await reads(['{"a":1}\n{"done":tr'])).flat()).toEqual(['{"a":1}']);
  });

  it('hands on lines that are not JSON, for the caller to report', async () => {
    expect((await reads(['not json\n{"a":1}\n'])).flat()).toEqual(['not json', '{"a":1}']);
  });

  it('rejects with the error of a failed read, and cancel() closes the body', async () => {
    const broken = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new TypeError('terminated')) });
    await expect(new NdjsonReader(broken).read()).rejects.toThrow('terminated');
    let cancelled = false;
    const open = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined), cancel: () => void (cancelled = true) });
    const reader = new NdjsonReader(open);
    reader.cancel();
    await Promise.resolve();
    expect(cancelled).toBe(true);
    expect(await reader.read()).toBeUndefined();
  });
});
