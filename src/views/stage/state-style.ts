// How each state looks, in one table that the timeline, the pictures and the colour test share:
// a colour token from app.css and a pattern, so no state is told apart by colour alone.

/** What a lane is doing over a stretch of time. */
export type LaneState =
	'running' | 'blocked' | 'thread-blocked' | 'gil' | 'awaiting' | 'queued' | 'asleep';

/** A mark repeated inside a pattern's tile, in tile units. */
export type PatternMark =
	| { tag: 'line'; x1: number; y1: number; x2: number; y2: number; width: number }
	| { tag: 'circle'; cx: number; cy: number; r: number };

/** A pattern tile: the state's colour underneath, marks on top in `ink` at `opacity`. */
export interface PatternTile {
	id: string;
	size: number;
	/** Degrees the tile is turned by. */
	rotate: number;
	/** `alarm`: `--pattern-alarm-ink`, the blocked loop's dark hatching; `mark`: `--pattern-mark-ink`, the calm marks. */
	ink: 'alarm' | 'mark';
	opacity: number;
	marks: PatternMark[];
}

/** One state's look: its app.css colour token, its pattern (null: solid) and the legend's words. */
export interface StateStyle {
	token: `--state-${LaneState}`;
	pattern: PatternTile | null;
	words: string;
}

// One stripe down the middle of the tile: at an edge it would be cut in half by the tile.
const stripes = (size: number, width: number): PatternMark[] => [
	{ tag: 'line', x1: size / 2, y1: 0, x2: size / 2, y2: size, width }
];

/** Every state's look, in legend order. */
export const STATE_STYLE: Record<LaneState, StateStyle> = {
	running: { token: '--state-running', pattern: null, words: 'running Python' },
	// The frozen loop is the alarm: strong red under dense, dark hatching.
	blocked: {
		token: '--state-blocked',
		pattern: {
			id: 'pat-blocked',
			size: 6,
			rotate: 45,
			ink: 'alarm',
			opacity: 0.75,
			marks: stripes(6, 2.5)
		},
		words: 'loop blocked (nothing else runs)'
	},
	// A worker thread waiting on I/O is fine: a pale colour, faint level lines.
	'thread-blocked': {
		token: '--state-thread-blocked',
		pattern: {
			id: 'pat-thread-blocked',
			size: 6,
			rotate: 90,
			ink: 'mark',
			opacity: 0.3,
			marks: stripes(6, 1)
		},
		words: 'thread blocked in I/O (the loop is free)'
	},
	gil: {
		token: '--state-gil',
		pattern: {
			id: 'pat-gil',
			size: 5,
			rotate: 0,
			ink: 'mark',
			opacity: 0.55,
			marks: [{ tag: 'circle', cx: 2.5, cy: 2.5, r: 1.1 }]
		},
		words: 'waiting for the GIL'
	},
	awaiting: { token: '--state-awaiting', pattern: null, words: 'awaiting (parked, costs nothing)' },
	queued: {
		token: '--state-queued',
		pattern: {
			id: 'pat-queued',
			size: 5,
			rotate: 0,
			ink: 'mark',
			opacity: 0.35,
			marks: stripes(5, 1.2)
		},
		words: 'queued, not running'
	},
	asleep: {
		token: '--state-asleep',
		pattern: {
			id: 'pat-asleep',
			size: 8,
			rotate: -45,
			ink: 'mark',
			opacity: 0.3,
			marks: stripes(8, 1)
		},
		words: 'loop asleep in select()'
	}
};

/** The lane states in legend order. */
export const LANE_STATES = Object.keys(STATE_STYLE) as LaneState[];

/** The `fill` that draws a state: its pattern, or its colour token when it is solid. */
export function stateFill(state: LaneState): string {
	const s = STATE_STYLE[state];
	return s.pattern ? `url(#${s.pattern.id})` : `var(${s.token})`;
}
