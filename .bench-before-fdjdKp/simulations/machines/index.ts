import { loopMachine, type LoopEvent, type LoopPhase } from './loop';
import { mutexMachine, type MutexEvent, type MutexState } from './mutex';
import { createStepper } from './stepper';
import { threadMachine, type ThreadEvent, type ThreadState } from './thread';

export { loopMachine, mutexMachine, threadMachine };
export type { LoopPhase, MutexState, ThreadState };

/** Pure, memoised transitions of the engine's machines. */
export const stepLoop = createStepper<LoopPhase, LoopEvent>(loopMachine);
export const stepMutex = createStepper<MutexState, MutexEvent>(mutexMachine);
export const stepThread = createStepper<ThreadState, ThreadEvent>(threadMachine);
