/** Where the threads view draws its lanes and hand-off arrows, 1 unit = 1 CSS pixel. */
export interface LaneGeometry {
	width: number;
	height: number;
	laneH: number;
	/** Left edge of the lanes' bars (names are drawn before it). */
	barX: number;
	barW: number;
	/** x of each hand-off arrow, oldest first, in the column right of the bars. */
	arrowX: number[];
	laneY: (i: number) => number;
}

const LANE_H = 34;
const GAP = 6;
const ARROW_COL = 30;

/** Lays out `lanes` rows and `arrows` arrow columns for a container `width` px wide. */
export function laneGeometry(width: number, lanes: number, arrows: number): LaneGeometry {
	const w = Math.max(280, Math.round(width));
	const barX = w < 600 ? 92 : 130;
	const arrowsW = arrows ? arrows * ARROW_COL + 8 : 0;
	return {
		width: w,
		height: Math.max(1, lanes) * (LANE_H + GAP),
		laneH: LANE_H,
		barX,
		barW: w - barX - arrowsW,
		arrowX: Array.from({ length: arrows }, (_, i) => w - arrowsW + 8 + i * ARROW_COL + 10),
		laneY: (i) => i * (LANE_H + GAP)
	};
}
