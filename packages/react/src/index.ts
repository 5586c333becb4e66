// React bindings for Rivulet. Only the browser client of @rivulet/server is used at run time.
export { useRunnable, type UseRunnableResult } from './use-runnable.js';
export type { UseRunnableOptions } from './use-runnable-options.js';
export type { RunState, RunStatus } from './run-state.js';
export type { PartialValue } from './partial-value.js';
export type { RemoteLike, RemoteInputOf, RemoteOutputOf } from './remote-types.js';
export { RemoteError } from '@rivulet/server/client';
