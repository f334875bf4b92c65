import { gilEvents, gilMachine, type GilAction, type GilEvent, type GilState } from './gil';
import { lockEvents, lockMachine, type LockAction, type LockEvent, type LockState } from './lock';
import {
	loopEvents,
	loopMachine,
	phaseAnnouncedBy,
	type LoopAction,
	type LoopEvent,
	type LoopPhase
} from './loop';
import { createStepper, plainEvents } from './stepper';
import { taskMachine, type TaskEvent, type TaskLife } from './task';
import { threadMachine, type ThreadEvent, type ThreadState } from './thread';

export { gilMachine, lockMachine, loopMachine, phaseAnnouncedBy, taskMachine, threadMachine };
export { gilEvents, lockEvents, loopEvents };
export type { NamedAction, Step } from './stepper';
export { plainEvents };
export type {
	GilAction,
	GilEvent,
	GilState,
	LockAction,
	LockEvent,
	LockState,
	LoopAction,
	LoopEvent,
	LoopPhase,
	TaskEvent,
	TaskLife,
	ThreadEvent,
	ThreadState
};

/** Pure, memoised transitions of the engine's machines (see `createStepper`). */
export const stepGil = createStepper<GilState, GilEvent, GilAction>(gilMachine);
export const stepLock = createStepper<LockState, LockEvent, LockAction>(lockMachine);
export const stepLoop = createStepper<LoopPhase, LoopEvent, LoopAction>(loopMachine);
export const stepTask = createStepper<TaskLife, TaskEvent>(taskMachine);
export const stepThread = createStepper<ThreadState, ThreadEvent>(threadMachine);
