import type { BenchCase, CaseResult } from '../bench-case.js';
import { measureRounds } from '../measure.js';
import { scaleTiming, summarize, type Timing } from '../stats/summarize.js';
import { startThroughputStack, type Contender, type RoundCpu } from '../throughput/throughput-stack.js';
import { tripChunkSize, tripPlanText } from '../throughput/trip-document.js';

/** The baseline's name in the report. */
export const RAW_BASELINE = 'raw openai SDK → SSE';

/** How hard {@link measureServerThroughput} loads the servers, and how often. */
export interface ThroughputScale {
  /** Streams in flight at once; a round runs this many, all started together. */
  readonly concurrency: number;
  /** Unmeasured rounds first (JIT, connection pools). */
  readonly warmup: number;
  /** Measured rounds per contender. */
  readonly repetitions: number;
}

/**
 * Runs {@link serverThroughput} at `scale`: each round starts
 * `scale.concurrency` streams of every contender at once (round-robin, so a
 * burst of load on the machine hits them alike), each checked, and times
 * until the last one ended. Reported per stream: ms of the round ÷ streams,
 * i.e. 1000 ÷ runs per second, so lower is faster as in every other case;
 * runs per second and the CPU each process spent per stream are in `params`.
 */
export async function measureServerThroughput(id: string, scale: ThroughputScale): Promise<CaseResult> {
  const stack = await startThroughputStack();
  try {
    const round = (contender: Contender) => () => stack.rounds[contender](scale.concurrency, scale.concurrency);
    const rounds = await measureRounds(
      { rivulet: round('rivulet'), raw: round('raw'), model: round('model') },
      { warmup: scale.warmup, repetitions: scale.repetitions },
    );
    const perStream = (timing: Timing): Timing => scaleTiming(timing, 1 / scale.concurrency);
    const runsPerSecond = (timing: Timing): number => Number(((1000 * scale.concurrency) / timing.median).toFixed(1));
    const [rivulet, raw, model] = [runsPerSecond(rounds.rivulet), runsPerSecond(rounds.raw), runsPerSecond(rounds.model)];
    // The measured rounds' CPU per stream, median over rounds, by process.
    const cpu = (contender: Contender, process: keyof RoundCpu): number =>
      Number(summarize(stack.cpu[contender].slice(-scale.repetitions).map((sample) => sample[process])).median.toFixed(2));
    const chunks = Math.ceil(tripPlanText.length / tripChunkSize);
    // A saturated server carries streams in inverse proportion to the CPU each costs it.
    const serverCpuRatio = Number((cpu('raw', 'server') / cpu('rivulet', 'server')).toFixed(2));
    const cpuOf = (contender: Contender) => `mock ${cpu(contender, 'mock')}, server ${cpu(contender, 'server')}, client ${cpu(contender, 'client')}`;
    return {
      id,
      unit: `ms/stream at ${scale.concurrency} in flight (1000 ÷ runs/s)`,
      rivulet: perStream(rounds.rivulet),
      peers: { [RAW_BASELINE]: perStream(rounds.raw) },
      floor: perStream(rounds.model),
      params: {
        concurrency: scale.concurrency,
        documentBytes: tripPlanText.length,
        chunkSize: tripChunkSize,
        chunks,
        rivuletRunsPerSecond: rivulet,
        rawRunsPerSecond: raw,
        modelRunsPerSecond: model,
        rivuletBytesPerStream: stack.bytes.rivulet,
        rawBytesPerStream: stack.bytes.raw,
        rivuletServerCpuMs: cpu('rivulet', 'server'),
        rivuletClientCpuMs: cpu('rivulet', 'client'),
        rivuletMockCpuMs: cpu('rivulet', 'mock'),
        rawServerCpuMs: cpu('raw', 'server'),
        rawClientCpuMs: cpu('raw', 'client'),
        rawMockCpuMs: cpu('raw', 'mock'),
        modelClientCpuMs: cpu('model', 'client'),
        modelMockCpuMs: cpu('model', 'mock'),
        serverCpuRatio,
      },
      notes:
        `${scale.concurrency} streams at once per round, ${scale.repetitions} rounds after ${scale.warmup} of warm-up: Rivulet ${rivulet} runs/s, the raw baseline ${raw} runs/s ` +
        `(${(rivulet / raw).toFixed(2)} ×), the model alone ${model} runs/s. CPU ms per stream (median over rounds): Rivulet ${cpuOf('rivulet')}; baseline ${cpuOf('raw')}; ` +
        `model alone mock ${cpu('model', 'mock')}, client ${cpu('model', 'client')}. ` +
        `Per core of a saturated server (CPU per stream), Rivulet's carries ${serverCpuRatio} × the baseline's streams (serverCpuRatio). ` +
        `The mock OpenAI model writes a ${tripPlanText.length}-character trip plan in ${chunks} deltas of ${tripChunkSize} characters, no pauses, and refuses any request but the one both servers send. ` +
        `Rivulet: chatPrompt → OpenAIChatModel → structuredParser(TripPlan) served by createHandler on createNodeServer; its client, new RemoteRunnable({ url }).stream(input) read to the end, must end with the plan ` +
        `(${stack.bytes.rivulet} bytes of patches per stream when alone). Baseline: node:http calling the openai SDK with stream: true and writing each delta as a data: line (${stack.bytes.raw} bytes), ` +
        `read to the end by fetch, counting bytes. Floor: the openai SDK reading the mock directly. The mock and each server run in processes of their own, the clients in the bench's, on loopback.`,
    };
  } finally {
    await stack.close();
  }
}

/**
 * `server-throughput` (issue 17): how many structured streams per second
 * Rivulet's server carries with 200 in flight, against a raw baseline that
 * pipes the `openai` SDK's stream straight into SSE text, both in front of
 * the same mock OpenAI server answering the same request with the same
 * document in the same chunks.
 *
 * Processes: the mock model, Rivulet's server and the raw server each run in
 * a child process of their own; the clients run in the bench's process. In
 * one process, every part would share one event loop: the mock writing
 * 200 streams would delay the server under test, a slower server would delay
 * the mock and the client, and the figure would be the sum of everyone's CPU
 * time rather than what the server carries. Apart, as in production (the
 * model is another host, clients are browsers), each part has its own event
 * loop and the parts overlap in time; the servers under test share the same
 * mock and the same client process, and take turns (round-robin), so neither
 * competes with the other. On a machine with fewer free cores than busy
 * processes the parts still share CPU time, so the CPU each process spends
 * per stream is reported too: it shows which part costs what, whatever the
 * load. The floor (the SDK reading the mock directly, no server in between)
 * shows how much of a round the mock and the client take anyway.
 */
export const serverThroughput: BenchCase = {
  id: 'server-throughput',
  run: (settings) =>
    measureServerThroughput('server-throughput', {
      concurrency: settings.quick ? 20 : 200,
      // A round of 200 streams takes seconds: a few rounds are enough for a median.
      warmup: 1,
      repetitions: settings.quick ? 3 : 5,
    }),
};
