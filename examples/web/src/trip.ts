// The trip planner's server side, shared by the `web` (plain DOM) and
// `react-ui` examples: the plan's schema, the chain, the model (offline mock
// or OpenAI), the sample plan the mock writes, and the app serving it all
// with the page given.
export { TripPlan, TripRequest, type PartialTripPlan, type TripDay } from './trip-plan.js';
export { tripChain, type TripChain } from './trip-chain.js';
export { startTripModel, type TripModel, type TripModelOptions } from './trip-model.js';
export { samplePlan, readTripRequest } from './sample-plan.js';
export { startTripApp, type TripApp, type TripAppOptions } from './trip-app.js';
