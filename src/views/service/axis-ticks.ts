import { ticks } from 'd3';
import { grouped } from '../../format/numbers';
import { windowScale, type TimeWindow } from './time-window';

/** A tick on the time axis: where (px from the plot's left), its words, how it is anchored. */
export interface AxisTick {
	x: number;
	label: string;
	anchor: 'start' | 'middle' | 'end';
}

/** Round ticks for a window drawn `width` px wide, about one per 90 px, kept inside the drawing. */
export function axisTicks(w: TimeWindow, width: number): AxisTick[] {
	const x = windowScale(w, 0, width);
	return ticks(w.from, w.to, Math.max(2, Math.floor(width / 90))).map((v) => {
		const px = x(v);
		const label = grouped(v);
		const half = label.length * 4;
		const anchor = px < half ? 'start' : px > width - half ? 'end' : 'middle';
		return { x: px, label, anchor };
	});
}
