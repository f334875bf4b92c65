import type { ActorOptions } from 'xstate';
import { ActorState } from './actor-state.svelte';
import { playerMachine, type PlayerInput } from './player-machine';

/** What the step controls drive: a lesson's narrated steps, or the events of a playground run. */
export interface Stepper {
	/** 0-based. */
	readonly step: number;
	readonly count: number;
	readonly playing: boolean;
	readonly speed: number;
	/** The current step's virtual time (ms). */
	readonly current: { t: number };
	goTo(step: number): void;
	next(): void;
	previous(): void;
	restart(): void;
	/** Plays, or pauses while playing. */
	toggle(): void;
	setSpeed(speed: number): void;
}

type Clock = NonNullable<ActorOptions<typeof playerMachine>['clock']>;

/** Options of a player: where it starts, what runs on each change of step, and its clock. */
export interface PlayerOptions extends PlayerInput {
	onStep?: () => void;
	/** XState's `SimulatedClock` in tests; the real timers otherwise. */
	clock?: Clock;
}

/** The player machine as a running actor, for a session to delegate its stepping to. */
export class Player extends ActorState<typeof playerMachine> {
	constructor({ onStep, clock, ...input }: PlayerOptions) {
		const logic = playerMachine.provide({ actions: { stepped: () => onStep?.() } });
		super(logic, { input, ...(clock ? { clock } : {}) });
	}

	get step(): number {
		return this.snapshot.context.step;
	}

	get count(): number {
		return this.snapshot.context.count;
	}

	get speed(): number {
		return this.snapshot.context.speed;
	}

	get playing(): boolean {
		return this.snapshot.value === 'playing';
	}

	get ended(): boolean {
		return this.snapshot.value === 'ended';
	}
}
