/** What a client of the `server-throughput` servers asks for: the prompt's variables. */
export interface TripInput {
  readonly destination: string;
  readonly days: string;
}

/** The input every run of `server-throughput` sends. */
export const tripInput: TripInput = { destination: 'Lisbon', days: '10' };

/** The system message both servers send the model. */
export const tripInstructions = 'You plan trips. Answer with JSON only: {"destination", "summary", "days": [{"day", "title", "activities"}]}.';

/** The user message, as the Rivulet side's prompt template writes it (`{days}`, `{destination}`). */
export const tripQuestion = 'Plan a {days}-day trip to {destination}.';

/** The model request's messages for `input`, written without Rivulet: what the raw baseline sends. */
export function tripMessages(input: TripInput): { role: 'system' | 'user'; content: string }[] {
  return [
    { role: 'system', content: tripInstructions },
    { role: 'user', content: tripQuestion.replace('{days}', input.days).replace('{destination}', input.destination) },
  ];
}

/** The model both servers ask for. */
export const tripModelName = 'mock-trip-planner';
