/** Where the threads view draws its lanes and hand-off arrows, 1 unit = 1 CSS pixel. */
export interface LaneGeometry {
	width: number;
	height: number;
	laneH: number;
	/** Left edge of the lanes' bars: names go before it, or above the bar on a phone. */
	barX: number;
	/** How far below a lane's top its bar starts (the height of the name line above it). */
	barY: number;
	barW: number;
	/** x of each hand-off arrow, oldest first, in the column right of the bars. */
	arrowX: number[];
	laneY: (i: number) => number;
}

const LANE_H = 34;
const GAP = 6;
const ARROW_COL = 30;
/** Below this width a lane's name goes above its bar, leaving the bar the whole row. */
export const NAMES_ABOVE_BELOW = 600;
const NAME_LINE = 18;

/** Lays out `lanes` rows and `arrows` arrow columns for a container `width` px wide. */
export function laneGeometry(width: number, lanes: number, arrows: number): LaneGeometry {
	const w = Math.max(280, Math.round(width));
	const above = w < NAMES_ABOVE_BELOW;
	const barX = above ? 0 : 124;
	const barY = above ? NAME_LINE : 0;
	const arrowsW = arrows ? arrows * ARROW_COL + 8 : 0;
	return {
		width: w,
		height: Math.max(1, lanes) * (barY + LANE_H + GAP),
		laneH: LANE_H,
		barX,
		barY,
		barW: w - barX - arrowsW,
		arrowX: Array.from({ length: arrows }, (_, i) => w - arrowsW + 8 + i * ARROW_COL + 10),
		laneY: (i) => i * (barY + LANE_H + GAP)
	};
}
