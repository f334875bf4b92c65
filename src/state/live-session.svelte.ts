import type { Frame, Scenario } from '../../simulations/index';
import type { Lesson, LessonClient } from '../content/types';
import { animationFrames, type FrameSource } from './frame-source';
import { LiveAnnouncer, answeredBy, liveReadout } from './live-readout';
import { LIVE, liveHorizon, liveLimitNote, liveScenario, liveStatus } from './live-scenario';
import type { Stage } from './stage';
import { runVariant, type VariantRun } from './variant-run';

/**
 * The learner as the client: live time runs from their first press (`LIVE.pace` virtual ms per
 * wall ms, from the injected frames), each press is a request of the lesson's client handler
 * arriving at that moment, and the variant's scenario with those requests is simulated again
 * (deterministic, so what already happened stays as it was). It is a `Stage`, so every view
 * draws it as it draws a lesson step.
 */
export class LiveSession implements Stage {
	/** The variant the requests go to (a name from the lesson's `client.variants`). */
	variant: string = $state('');
	/** When each request was sent (virtual ms), in order. */
	presses: readonly number[] = $state.raw([]);
	/** Live time (virtual ms). */
	now: number = $state(0);
	running: boolean = $state(false);
	/** A moment the learner scrubbed back to (ms) while stopped, or null for now. */
	moment: number | null = $state(null);
	/** What the live region says: the latest answers, at most one update per 1.5 s. */
	announcement: string = $state('');
	readonly line: number | null = null;
	readonly resetLabel = 'Back to now';

	// Set by the constructor's first simulation.
	#run: VariantRun = $state.raw(null as unknown as VariantRun);
	#scenario: Scenario = $state.raw(null as unknown as Scenario);
	#horizon = 0;
	#wall = 0;
	#stopFrames: (() => void) | null = null;
	readonly #announcer = new LiveAnnouncer();
	#memo: { run: VariantRun; n: number; frame: Frame } | null = null;

	readonly cursor: number = $derived(this.moment ?? Math.floor(this.now));
	readonly frame: Frame = $derived(this.frameAt(this.#run, this.cursor));

	constructor(
		readonly lesson: Pick<Lesson, 'variants'> & { client: LessonClient },
		private readonly frames: FrameSource = animationFrames,
		variant?: string
	) {
		const names = lesson.client.variants.map((v) => v.name);
		this.variant = variant !== undefined && names.includes(variant) ? variant : names[0];
		this.#simulate();
	}

	get shownRun(): VariantRun {
		return this.#run;
	}

	get shownScenario(): Scenario {
		return this.#scenario;
	}

	get compared(): readonly VariantRun[] {
		return [this.#run];
	}

	/** The variant's label for live mode (lesson.json `client`). */
	get label(): string {
		return this.lesson.client.variants.find((v) => v.name === this.variant)?.label ?? this.variant;
	}

	/** Live time has reached its end (`LIVE.spanMs`): Start over to go again. */
	get ended(): boolean {
		return this.now >= LIVE.spanMs;
	}

	get full(): boolean {
		return this.presses.length >= LIVE.maxPresses;
	}

	/** The Moment slider's status: running (and its pace), stopped or ended. */
	get status(): string {
		return liveStatus(this);
	}

	/** Why Send is off, once it is, else null. */
	get limitNote(): string | null {
		return liveLimitNote(this);
	}

	/** The live readout: requests sent, fastest and slowest answer so far, and why. */
	get readout(): string {
		return liveReadout(this.#run.result, this.cursor);
	}

	/** Sends a request now (and runs live time if it was stopped); false once ended or full. */
	send(): boolean {
		if (this.ended || this.full) return false;
		this.moment = null;
		this.presses = [...this.presses, Math.floor(this.now)];
		this.#simulate();
		this.go();
		return true;
	}

	/** Runs live time (after Stop). */
	go(): void {
		if (this.running || this.ended) return;
		this.moment = null;
		this.running = true;
		this.#stopFrames = this.frames((dt) => this.#tick(dt));
	}

	/** Stops live time where it is; the views keep showing that moment. */
	stop(): void {
		this.running = false;
		this.#stopFrames?.();
		this.#stopFrames = null;
	}

	/** Back to live time 0 with no request sent; time runs again at the next press. */
	startOver(): void {
		this.stop();
		this.presses = [];
		this.now = 0;
		this.moment = null;
		this.#wall = 0;
		this.#announcer.reset();
		this.announcement = '';
		this.#simulate();
	}

	/** Sends the same requests, at the same times, to another variant. */
	show(name: string): void {
		if (name === this.variant || !this.lesson.client.variants.some((v) => v.name === name)) return;
		this.variant = name;
		this.#simulate();
	}

	/** Shows an earlier moment of the live run (stopping live time); never one still to come. */
	scrub(t: number): void {
		this.stop();
		this.moment = Math.max(0, Math.min(Math.floor(this.now), Math.round(t)));
	}

	/** Back from a scrubbed moment to now (live time stays stopped until Go on or a press). */
	reset(): void {
		this.moment = null;
	}

	#tick(dt: number): void {
		const wall = Math.min(dt, LIVE.maxFrameMs);
		this.#wall += wall;
		this.now = Math.min(LIVE.spanMs, this.now + wall * LIVE.pace);
		if (liveHorizon(this.now) !== this.#horizon) this.#simulate();
		this.announcement = this.#announcer.heard(this.#wall, answeredBy(this.#run.result, this.now));
		if (this.ended) this.stop();
	}

	#simulate(): void {
		const base = this.lesson.variants.find((x) => x.name === this.variant)!.scenario;
		this.#horizon = liveHorizon(this.now);
		const scenario = liveScenario(base, this.lesson.client.handler, this.presses, this.#horizon);
		this.#scenario = scenario;
		this.#run = runVariant(this.variant, `Live: ${this.label}`, scenario, { live: true });
	}

	/** The frame at `t`: the run's state after its events up to `t`, reused while none happens. */
	private frameAt(run: VariantRun, t: number): Frame {
		const n = eventsUpTo(run.eventTimes, t);
		const memo = this.#memo;
		if (memo && memo.run === run && memo.n === n) return { ...memo.frame, t };
		const frame = run.framer.at(n);
		frame.t = t;
		this.#memo = { run, n, frame };
		return frame;
	}
}

/** How many of the sorted times are at or before `t`: a binary search. */
function eventsUpTo(times: readonly number[], t: number): number {
	let lo = 0;
	let hi = times.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (times[mid] <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
