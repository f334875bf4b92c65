// The rulebook: CPython's rules that both engines need, once, as pure functions and models.
export { IdleSemaphorePool, threadsMayStart, type SubmitOutcome, type Submitted } from './pool';
export { firstWake, lagSample } from './background';
export {
	CANT_START,
	resultOnLoopDeadlock,
	slowCallbackWarning,
	threadLockDeadlock
} from './messages';
export { createTaskNamer, exceptionRepr, stepRepr, taskRepr, type TaskFacts } from './task-repr';
export { assembleResult, endRequest, type RunRecords } from './result';
export { EVENT_BUDGET, duration, stopReason, type StopFacts } from './stop';
export { count, summariseWaits, type Wait } from './wait-list';
