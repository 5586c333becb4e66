// `pnpm start`: serves the trip planner and prints its URL; Ctrl-C stops it.
// `pnpm start --smoke`: one round trip instead (the page, its bundle, a streamed plan), then exit.
import { RemoteRunnable } from '@rivulet/server';
import { startReactUiApp } from './app.js';
import type { TripChain } from '@rivulet/example-web/trip';

const smoke = process.argv.includes('--smoke');
const app = await startReactUiApp({
  apiKey: process.env.OPENAI_API_KEY,
  port: smoke ? 0 : Number(process.env.PORT ?? 3000),
  delayMs: smoke ? 1 : undefined,
});

if (smoke) {
  try {
    const page = await fetch(app.url);
    const script = await fetch(new URL('app.js', app.url));
    console.log(`page ${page.status}, script ${script.status} (${(await script.text()).length} bytes, React included)`);
    const trip = new RemoteRunnable<TripChain>({ url: new URL('api/trip', app.url) });
    const plan = await trip.invoke({ destination: 'Porto', days: '2' });
    console.log(`${plan.destination}: ${plan.days.map((day) => day.title).join(', ')}`);
  } finally {
    await app.close();
  }
} else {
  console.log(`Trip planner on ${app.url} (${app.mock ? 'offline mock model' : 'OpenAI'}). Ctrl-C to stop.`);
  const stop = (): void => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
