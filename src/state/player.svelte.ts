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
	/** True while the step waits for something before Next may leave it (a prediction's answer). */
	readonly waiting?: boolean;
	goTo(step: number, options?: { pastHolds?: boolean }): void;
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

/** What a player shows: its step and playback, and where play has moved time to. */
interface PlayerView {
	step: number;
	count: number;
	speed: number;
	playing: boolean;
	ended: boolean;
	/** The virtual time play has moved to since the step (ms), or null while at the step. */
	time: number | null;
	/** Virtual ms per wall ms while play moves through time, else null (paused, or at a step). */
	pace: number | null;
}

function viewOf(snapshot: Player['snapshot']): PlayerView {
	const c = snapshot.context;
	const playing = snapshot.value === 'playing';
	const move = inMove(c);
	return {
		step: c.step,
		count: c.count,
		speed: c.speed,
		playing,
		ended: snapshot.value === 'ended',
		time: move?.time ?? null,
		pace: playing ? (move?.pace ?? null) : null
	};
}

/**
 * The player machine as a running actor, for a session to delegate its stepping to. Every
 * animation frame makes a new snapshot, so views never read the snapshot: each field below is
 * state of its own, written only when its value changes (a frame that only counts down a pause
 * changes none, and re-renders nothing).
 */
export class Player extends ActorState<typeof playerMachine> {
	#view: PlayerView = $state(viewOf(this.snapshot));

	constructor({ onStep, frames, ...input }: PlayerOptions) {
		const logic = playerMachine.provide({
			actions: { stepped: () => onStep?.() },
			...(frames ? { actors: { frames: framesFrom(frames) } } : {})
		});
		super(logic, { input });
		// Svelte ignores a write of the value a field already has.
		this.actor.subscribe((s) => Object.assign(this.#view, viewOf(s)));
	}

	get step(): number {
		return this.#view.step;
	}

	get count(): number {
		return this.#view.count;
	}

	get speed(): number {
		return this.#view.speed;
	}

	get playing(): boolean {
		return this.#view.playing;
	}

	get ended(): boolean {
		return this.#view.ended;
	}

	get time(): number | null {
		return this.#view.time;
	}

	get pace(): number | null {
		return this.#view.pace;
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

	goTo(step: number, options: { pastHolds?: boolean } = {}): void {
		this.player.send({ type: 'goTo', step, ...options });
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
