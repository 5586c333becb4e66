// Runs in the browser: bundled by esbuild when the example server starts.
import { subscribeRunnable, type RunHandle } from '@rivulet/server/client';
import type { PartialTripPlan } from '../trip-plan.js';
import { PlanView } from './plan-view.js';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('trip-form');
const planButton = byId<HTMLButtonElement>('plan-button');
const stopButton = byId<HTMLButtonElement>('stop-button');
const status = byId<HTMLParagraphElement>('status');
const view = new PlanView({ destination: byId('plan-destination'), summary: byId('plan-summary'), days: byId('plan-days'), renders: byId('renders') });
let run: RunHandle | undefined;

function setStatus(state: string, text = state): void {
  status.dataset.state = state;
  status.textContent = text;
  const busy = state === 'streaming';
  planButton.disabled = busy;
  stopButton.disabled = !busy;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  view.clear();
  setStatus('streaming');
  const input = { destination: byId<HTMLInputElement>('destination-input').value, days: byId<HTMLSelectElement>('days-input').value };
  run = subscribeRunnable<PartialTripPlan>('/api/trip', input, {
    onSnapshot: (plan) => view.render(plan),
    onError: (error) => setStatus('error', `error: ${error instanceof Error ? error.message : String(error)}`),
    onDone: ({ stopped }) => setStatus(stopped ? 'stopped' : 'done'),
  });
});

// Closing the connection is all it takes: the server cancels the run and aborts the model's request.
stopButton.addEventListener('click', () => run?.stop());
