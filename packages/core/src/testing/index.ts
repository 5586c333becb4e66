export { fakeRunnable, FakeRunnable, type FakeRunnableOptions } from './fake-runnable.js';
export { collect, settle, eventTrace } from './collect.js';
