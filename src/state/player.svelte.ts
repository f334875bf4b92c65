import { ActorState } from './actor-state.svelte';
import type { FrameSource } from './frame-source';
import { framesFrom, playerMachine, type PlayerContext, type PlayerInput } from './player-machine';

/** What the step controls drive: a lesson's narrated steps, or the events of a playground run. */
export interface Stepper {
	/** 0-based. */
	readonly step: number;
	readonly count: number;
	readonly playing: boolean;
	readonly speed: number;
	/** The current step's virtual time (ms). */
	readonly current: { t: number };
	/** The moment on show (ms): the step's time, or where play or the learner moved it since. */
	readonly time: number;
	/** Virtual ms per wall ms while play moves through time (speed included), else null. */
	readonly pace: number | null;
	goTo(step: number): void;
	next(): void;
	previous(): void;
	restart(): void;
	/** Plays, or pauses while playing. */
	toggle(): void;
	setSpeed(speed: number): void;
}

/** Options of a player: where it starts, what runs on each change of step, and its frames. */
export interface PlayerOptions extends PlayerInput {
	onStep?: () => void;
	/** A fake in tests; the browser's animation frames otherwise. */
	frames?: FrameSource;
}

/** Where play has got between two steps: the virtual time (ms) and its pace, or null at a step. */
function inMove(c: PlayerContext): { time: number; pace: number } | null {
	const move = c.moved === null ? null : c.plan.move(c.step);
	if (!move || c.moved === null) return null;
	// Whole milliseconds, never before the move's start, so the readouts count up steadily.
	return {
		time: Math.max(move.from, Math.floor(move.at(c.moved))),
		pace: move.pace(c.moved) * c.speed
	};
}

/**
 * The player machine as a running actor, for a session to delegate its stepping to. Each field is
 * derived on its own, so an animation frame that only moves time re-renders only what shows time.
 */
export class Player extends ActorState<typeof playerMachine> {
	readonly step: number = $derived(this.snapshot.context.step);
	readonly count: number = $derived(this.snapshot.context.count);
	readonly speed: number = $derived(this.snapshot.context.speed);
	readonly playing: boolean = $derived(this.snapshot.value === 'playing');
	readonly ended: boolean = $derived(this.snapshot.value === 'ended');
	private readonly move = $derived(inMove(this.snapshot.context));
	/** The virtual time play has moved to since the step (ms), or null while at the step. */
	readonly time: number | null = $derived(this.move?.time ?? null);
	/** Virtual ms per wall ms while play moves through time, else null (paused, or at a step). */
	readonly pace: number | null = $derived(this.playing ? (this.move?.pace ?? null) : null);

	constructor({ onStep, frames, ...input }: PlayerOptions) {
		const logic = playerMachine.provide({
			actions: { stepped: () => onStep?.() },
			...(frames ? { actors: { frames: framesFrom(frames) } } : {})
		});
		super(logic, { input });
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

	get pace(): number | null {
		return this.player.pace;
	}

	abstract readonly time: number;

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
