// Rivulet's own test kit (private, never published): what tests across the
// packages and the stress suite need, written once.

// time: the test's own waits run on the real clock; a step's work follows the clock in force
export { realTimers, type RealTimers } from './real-timers.js';
export { pause } from './pause.js';
export { sleep } from './sleep.js';
export { nextTurn } from './next-turn.js';
export { waitFor } from './wait-for.js';
export { eventually } from './eventually.js';
export { settleWithin, type Settlement } from './settle-within.js';
export { deferred, type Deferred } from './deferred.js';
export { timerFunctions } from './timer-functions.js';
export { retryRecorder, type RetryRecorder } from './retry-recorder.js';
export { passRetryWait, type FakeClock, type RetryWait } from './pass-retry-wait.js';
export { promiseState, type PromiseState } from './promise-state.js';

// leaks and the process
export { trackTimers, type TimerTracker } from './track-timers.js';
export { abortListeners } from './abort-listeners.js';
export { watchProcess, type ProcessWatch, type ProcessFailure } from './watch-process.js';
export { captureConsole, type ConsoleCapture, type CaptureConsoleOptions } from './capture-console.js';
export { canCollect, heapAfterGc } from './heap.js';

// failures
export { failureOf, thrownBy } from './failure-of.js';

// server-sent events
export type { SseEvent } from './sse-event.js';
export { parseSse } from './parse-sse.js';
export { sseEventReader, type SseEventReader } from './sse-event-reader.js';
export { readAsItComes } from './read-as-it-comes.js';

// load runs and their figures
export { seededRandom, between } from './seeded-random.js';
export { inPool } from './in-pool.js';
export { percentile } from './percentile.js';
export { ms, mib } from './figures.js';
