/**
 * How virtual time plays between two moments, at 1× speed: every stretch between two event times
 * takes `slowMs` wall ms per virtual ms, at most `stretchMaxMs`, so the moments where things
 * happen play slowly and a long wait with nothing in it passes quickly; the whole move is then
 * stretched or squeezed to last between `moveMinMs` and `moveMaxMs`.
 */
export const PACE = {
	slowMs: 5,
	stretchMaxMs: 600,
	moveMinMs: 400,
	moveMaxMs: 4000
} as const;

/** A continuous move through virtual time from `from` to `to` (ms), timed in wall ms at 1×. */
export interface TimeMove {
	readonly from: number;
	readonly to: number;
	/** How long the move lasts at 1× (wall ms). */
	readonly wallMs: number;
	/** The virtual time `wall` ms into the move: from `from` to `to`, never decreasing. */
	at(wall: number): number;
	/** Virtual ms per wall ms `wall` ms into the move (at 1×): the compression of that stretch. */
	pace(wall: number): number;
}

/** The move from `from` to `to` through a run whose events happen at `eventTimes` (sorted). */
export function timeMove(eventTimes: readonly number[], from: number, to: number): TimeMove {
	if (to <= from) return { from, to, wallMs: 0, at: () => to, pace: () => 0 };
	const stops = [from, ...new Set(eventTimes.filter((t) => t > from && t < to)), to];
	const raw = stops
		.slice(1)
		.map((t, i) => Math.min(PACE.stretchMaxMs, (t - stops[i]) * PACE.slowMs));
	const total = raw.reduce((a, b) => a + b, 0);
	const fit = total === 0 ? 1 : Math.min(PACE.moveMaxMs, Math.max(PACE.moveMinMs, total)) / total;
	const walls = raw.map((w) => w * fit);
	// ends[i]: the wall time at which the move reaches stops[i + 1].
	const ends: number[] = [];
	walls.reduce((sum, w, i) => (ends[i] = sum + w), 0);
	const wallMs = ends[ends.length - 1];
	const piece = (wall: number) => {
		let i = 0;
		while (i < ends.length - 1 && wall >= ends[i]) i++;
		return i;
	};
	return {
		from,
		to,
		wallMs,
		at(wall) {
			if (wall >= wallMs) return to;
			if (wall <= 0) return from;
			const i = piece(wall);
			const start = i === 0 ? 0 : ends[i - 1];
			return stops[i] + ((wall - start) / walls[i]) * (stops[i + 1] - stops[i]);
		},
		pace(wall) {
			const i = piece(Math.max(0, Math.min(wall, wallMs)));
			return (stops[i + 1] - stops[i]) / walls[i];
		}
	};
}

/** How a pace reads on the stage ("virtual time ×0.2"), or '' when time is not moving. */
export function paceLabel(pace: number | null): string {
	return pace === null || pace <= 0 ? '' : `virtual time ×${Number(pace.toPrecision(2))}`;
}
