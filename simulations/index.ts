// Public surface of the engine; everything outside simulations/ imports only this file.
export * from './scenario/types';
export * from './scenario/errors';
export type { ParseResult } from './scenario/check-value';
export { formatPath } from './scenario/check';
export { simulate } from './simulate';
export type { SimOptions } from './engine/sim';
export * from './result';
export type {
	TraceEvent,
	TraceBody,
	TraceType,
	TaskState,
	Via,
	ThreadKind,
	HandoffKind,
	LogSource,
	WaiterChanges
} from './trace';
export {
	createFramer,
	framerBuilder,
	type FramerBuilder,
	frameAt,
	emptyFrame,
	type Frame,
	type Framer,
	type LoopThreadState
} from './frame';
export { frameViolations } from './frame-invariants';
export { formatTimeline, formatEvent, timelineLines } from './timeline';
export { VirtualClock } from './clock';
export * from './rules/index';
export { selectSleepMs, EPOLL_OVERSHOOT_MS } from './engine/timer-lateness';
