import { cpuMs } from './cpu-ms.js';
import { modelClient } from './model-client.js';
import { rawClientBytes, rawClientText } from './raw-client.js';
import { rivuletClient } from './rivulet-client.js';
import { runConcurrently } from './run-concurrently.js';
import { spawnServer, type ChildServer } from './spawn-server.js';
import { isTripPlan, tripPlanText } from './trip-document.js';
import { tripInput } from './trip-request.js';

/** A contender of `server-throughput`: Rivulet's server, the raw one, or the model alone (the floor). */
export type Contender = 'rivulet' | 'raw' | 'model';

/** One round of a contender: `runs` checked runs, `concurrency` in flight. */
export type ThroughputRound = (runs: number, concurrency: number) => Promise<void>;

/** CPU time per stream each process spent in one round, in ms (`server` is 0 for the model alone). */
export interface RoundCpu {
  readonly mock: number;
  readonly server: number;
  readonly client: number;
}

/** The running stack: the mock model and both servers under test, each in its own process, and a round of each contender. */
export interface ThroughputStack {
  /**
   * A round of each contender. `rivulet`: `RemoteRunnable.stream` to the end
   * through Rivulet's server, each run's last snapshot must be the plan.
   * `raw`: a plain fetch reading the raw server's stream to the end, each run
   * must carry the bytes of the whole plan. `model`: the `openai` SDK reading
   * the mock directly, each run's text must be the plan's.
   */
  readonly rounds: Readonly<Record<Contender, ThroughputRound>>;
  /** The CPU per stream of each process in every round run so far, warm-up included, by contender. */
  readonly cpu: Readonly<Record<Contender, readonly RoundCpu[]>>;
  /** Bytes of one answer of each server, as its client received it alone. */
  readonly bytes: { readonly rivulet: number; readonly raw: number };
  close(): Promise<void>;
}

/**
 * Starts the mock model, then Rivulet's server and the raw one, each in a
 * child process, and checks once that each delivers the whole plan: the
 * raw stream's deltas joined must be the model's text (later runs count its
 * bytes), and Rivulet's client must end with the plan (checked on every run).
 */
export async function startThroughputStack(): Promise<ThroughputStack> {
  const started: ChildServer[] = [];
  const close = async (): Promise<void> => void (await Promise.all(started.map((server) => server.close())));
  try {
    const mock = await spawnServer('mock');
    started.push(mock);
    const [rivuletServer, rawServer] = await Promise.all([spawnServer('rivulet', [mock.url]), spawnServer('raw', [mock.url])]);
    started.push(rivuletServer, rawServer);

    const rawAnswer = await rawClientText(rawServer.url);
    if (rawAnswer.text !== tripPlanText) throw new Error('server-throughput: the raw server did not deliver the whole plan');
    const rivuletRun = rivuletClient(rivuletServer.url);
    const modelRun = modelClient(mock.url);
    const cpu: Record<Contender, RoundCpu[]> = { rivulet: [], raw: [], model: [] };

    // A round, with the CPU each process spent in it (read before and after: a few ms against seconds).
    const round =
      (contender: Contender, server: ChildServer | undefined, run: () => Promise<void>): ThroughputRound =>
      async (runs, concurrency) => {
        const readCpu = async (): Promise<RoundCpu> => {
          const [mockMs, serverMs] = await Promise.all([mock.cpuMs(), server?.cpuMs() ?? 0]);
          return { mock: mockMs, server: serverMs, client: cpuMs() };
        };
        const before = await readCpu();
        await runConcurrently(runs, concurrency, run);
        const after = await readCpu();
        const perStream = (key: keyof RoundCpu): number => (after[key] - before[key]) / runs;
        cpu[contender].push({ mock: perStream('mock'), server: perStream('server'), client: perStream('client') });
      };

    return {
      rounds: {
        rivulet: round('rivulet', rivuletServer, async () => {
          if (!isTripPlan(await rivuletRun())) throw new Error('server-throughput: RemoteRunnable did not end with the plan');
        }),
        raw: round('raw', rawServer, async () => {
          const bytes = await rawClientBytes(rawServer.url);
          if (bytes !== rawAnswer.bytes) throw new Error(`server-throughput: the raw stream carried ${bytes} bytes, not ${rawAnswer.bytes}`);
        }),
        model: round('model', undefined, async () => {
          if ((await modelRun()) !== tripPlanText) throw new Error('server-throughput: the model did not stream the whole plan');
        }),
      },
      cpu,
      bytes: { rivulet: await rivuletAnswerBytes(rivuletServer.url), raw: rawAnswer.bytes },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The size of one answer of Rivulet's server on the wire (metadata, patches, end), for the report. */
async function rivuletAnswerBytes(url: string): Promise<number> {
  const response = await fetch(`${url}/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ input: tripInput }),
  });
  return Buffer.byteLength(await response.text());
}
