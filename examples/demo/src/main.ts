/**
 * The offline demo: a streaming pipeline over a scripted model, showing chunks
 * flowing through steps while they are produced, the events of every step,
 * and clean cancellation. No network, no API key.
 */
import { lambda, TimeoutError, type RunEvent } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';

const story = 'A river does not hurry, yet it carves canyons. Each drop arrives in time. '.split(/(?<= )/);

// A stand-in for a chat model: it streams the story a word at a time.
const model = fakeRunnable(story, { delayMs: 15, name: 'model' });
const prompt = lambda((topic: string) => `Write two sentences about ${topic}.`, { name: 'prompt' });

const chain = prompt.pipe(model).pipe({
  text: (text: string) => text.trim(),
  words: (text: string) => text.trim().split(/\s+/).length,
});

async function main(): Promise<void> {
  console.log('Rivulet demo (offline): prompt -> scripted model -> text, streamed as it is written\n');
  const start = performance.now();
  let first: number | undefined;
  for await (const chunk of prompt.pipe(model).stream('rivers')) {
    first ??= performance.now() - start;
    process.stdout.write(chunk);
  }
  console.log(`\n\nfirst chunk after ${first?.toFixed(0)} ms, done after ${(performance.now() - start).toFixed(0)} ms\n`);

  console.log('The same model feeding two steps in parallel, via invoke:');
  console.log(await chain.invoke('rivers'), '\n');

  console.log('The events of every step of that chain:');
  const counts = new Map<string, number>();
  for await (const event of chain.streamEvents('rivers')) countEvent(counts, event);
  for (const [key, count] of counts) console.log(`  ${key.padEnd(18)} ${count}`);

  console.log('\nA run with a 60 ms timeout is cancelled all the way down:');
  try {
    await prompt.pipe(model).invoke('rivers', { timeout: 60 });
  } catch (error) {
    if (!TimeoutError.isInstance(error)) throw error;
    console.log(`  ${error.name}: ${error.message} (model runs still active: ${model.active})`);
  }
}

function countEvent(counts: Map<string, number>, event: RunEvent): void {
  const key = `${event.type}:${event.name}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

await main();
