export type { FaultSchedule } from './fault-schedule.js';
export { defaultWrongShapeEvent, type FaultWire } from './fault-wire.js';
export { faultHeaders, answeredRequestId } from './fault-headers.js';
export { playFaultsBeforeReply } from './play-faults-before-reply.js';
export { playEventStream, type EventStreamPlay } from './play-event-stream.js';
export { sendJsonWithFaults } from './send-json-with-faults.js';
