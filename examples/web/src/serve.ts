// `pnpm serve`: keeps the example running; open the printed URL.
import { startWebApp } from './app.js';

const app = await startWebApp({ apiKey: process.env.OPENAI_API_KEY, port: Number(process.env.PORT ?? 3000) });
console.log(`Trip planner on ${app.url} (${app.mock ? 'offline mock model' : 'OpenAI'}). Ctrl-C to stop.`);
const stop = (): void => void app.close().then(() => process.exit(0));
process.once('SIGINT', stop).once('SIGTERM', stop);
