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

/**
 * A session that steps with a player: its step, playback and the step controls' methods. A
 * subclass says where a step is in virtual time (`current`) and what a new step drops (`stepped`).
 */
export abstract class SteppedSession implements Stepper {
	readonly player: Player;

	constructor(options: Omit<PlayerOptions, 'onStep'>) {
		this.player = new Player({ ...options, onStep: () => this.stepped() });
	}

	abstract readonly current: { t: number };

	/** Runs after every change of step, however it came (a button, a key, the play timer). */
	protected abstract stepped(): void;

	get step(): number {
		return this.player.step;
	}

	get count(): number {
		return this.player.count;
	}

	get playing(): boolean {
		return this.player.playing;
	}

	get speed(): number {
		return this.player.speed;
	}

	goTo(step: number): void {
		this.player.send({ type: 'goTo', step });
	}

	next(): void {
		this.player.send({ type: 'next' });
	}

	previous(): void {
		this.player.send({ type: 'previous' });
	}

	restart(): void {
		this.player.send({ type: 'restart' });
	}

	toggle(): void {
		this.player.send({ type: 'toggle' });
	}

	setSpeed(speed: number): void {
		this.player.send({ type: 'speed', speed });
	}
}
