import type { Scenario } from '../../simulations/index';

/**
 * How live mode keeps time. Virtual time runs at a quarter of wall time: a 200 ms call takes
 * 0.8 s on screen, slow enough to watch the queue, while a human burst (five presses in about
 * 0.6 s) lands within about 150 virtual ms, as a page's calls at load do, and a press a second
 * is 250 ms apart, more than one call takes. The run is simulated ahead of "now" to the end of
 * the timeline's window (whole `windowMs`, at least `lookaheadMs` ahead), so a frame only reads
 * it; it is simulated again at a press or when now reaches a new window. Live time stops at
 * `spanMs`, where the timeline is still readable; a frame longer than `maxFrameMs` (a tab in
 * the background) counts as that long.
 */
export const LIVE = {
	pace: 0.25,
	windowMs: 2000,
	lookaheadMs: 400,
	spanMs: 10_000,
	maxFrameMs: 100,
	maxPresses: 40
} as const;

/** Where the live run is simulated to when live time is at `now` (ms): the window's end. */
export function liveHorizon(now: number): number {
	return LIVE.windowMs * Math.ceil((now + LIVE.lookaheadMs) / LIVE.windowMs);
}

/**
 * A variant's scenario as a server waiting for the learner: its handlers, runtime and background
 * tasks, none of its own requests; one request of `handler` at each press time (ms), named as
 * the variant names its requests of that handler ("r1", "table1") and on the same kind of
 * connection; simulated up to `horizon`.
 */
export function liveScenario(
	base: Scenario,
	handler: string,
	presses: readonly number[],
	horizon: number
): Scenario {
	const model = base.requests.find((q) => q.handler === handler);
	const prefix = model ? model.id.replace(/\d+$/, '') || 'r' : 'r';
	return {
		...base,
		limitMs: horizon,
		requests: presses.map((at, i) => ({
			id: `${prefix}${i + 1}`,
			at,
			handler,
			...(model?.connection ? { connection: model.connection } : {})
		}))
	};
}

/** How the Moment slider's status reads in live mode: running (and its pace), stopped or ended. */
export function liveStatus(live: { running: boolean; ended: boolean }): string {
	if (live.ended) return `live: ended at ${LIVE.spanMs / 1000} s`;
	return live.running ? `live, time ×${LIVE.pace}` : 'live: stopped';
}

/** Why Send is off, once it is: live time has ended, or the most requests were sent; else null. */
export function liveLimitNote(live: { ended: boolean; full: boolean }): string | null {
	if (live.ended) return `Live time ended at ${LIVE.spanMs / 1000} s: Start over to go again.`;
	if (live.full) return `${LIVE.maxPresses} requests is the most: Start over to go again.`;
	return null;
}
