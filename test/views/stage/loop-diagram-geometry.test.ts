import { describe, expect, it } from 'vitest';
import {
	diagramGeometry,
	ellipsize,
	queueLayout,
	timerRows,
	STACK_BELOW,
	wrap
} from '../../../src/views/stage/loop-diagram-geometry';

describe('ellipsize(text, px)', () => {
	it.each([
		['r1 step', 200, 'r1 step'],
		['a_very_long_callback_name', 80, 'a_very_lo…']
	])('%s in %i px: %s', (text, px, out) => {
		expect(ellipsize(text, px)).toBe(out);
	});
});

describe('wrap(text, px, lines)', () => {
	it('breaks at spaces and cuts the last line kept', () => {
		expect(wrap('asleep in select() for up to 90 ms', 120, 2)).toEqual([
			'asleep in',
			'select() for u…'
		]);
		expect(wrap('waits for I/O', 300, 2)).toEqual(['waits for I/O']);
	});
});

describe('diagramGeometry(width, timerRows)', () => {
	it('keeps 1 unit = 1 px: the diagram is as wide as its container', () => {
		expect(diagramGeometry(760, 80).width).toBe(760);
		expect(diagramGeometry(760, 80).height).toBeLessThanOrEqual(240);
	});

	it('stacks the parts in one column below STACK_BELOW px', () => {
		const g = diagramGeometry(STACK_BELOW - 1 - 200, 80);
		expect(g.queue.y).toBeGreaterThan(g.selector.y);
		expect(g.running.y).toBeGreaterThan(g.queue.y);
		expect(g.timers.y).toBeGreaterThan(g.running.y);
		expect(g.height).toBeGreaterThan(g.timers.y + g.timers.h - 1);
	});
});

describe('queueLayout(geometry, batch, later)', () => {
	it('puts a divider between the batch and what arrived during it', () => {
		const g = diagramGeometry(760, 60);
		const q = queueLayout(g, 1, 1);
		expect(q.slots).toHaveLength(2);
		expect(q.divider).not.toBeNull();
		expect(q.divider!.x).toBeGreaterThan(q.slots[0].x + g.chip.w);
		expect(q.divider!.x).toBeLessThan(q.slots[1].x);
	});

	it('keeps every slot inside the box and says how many more there are', () => {
		const g = diagramGeometry(760, 60);
		const q = queueLayout(g, 4, 20);
		expect(q.more?.n).toBe(24 - q.slots.length);
		for (const s of q.slots) {
			expect(s.x + g.chip.w).toBeLessThanOrEqual(g.queue.x + g.queue.w);
			expect(s.y + g.chip.h).toBeLessThanOrEqual(g.queue.y + g.queue.h);
		}
	});

	it('draws no divider when the whole queue is one batch', () => {
		expect(queueLayout(diagramGeometry(760, 60), 3, 0).divider).toBeNull();
	});
});

describe('timerRows(late)', () => {
	it('gives a late timer a second line and keeps room for "+n more"', () => {
		const rows = timerRows([true, false, false], 300);
		expect(rows.y[1] - rows.y[0]).toBe(2 * (rows.y[2] - rows.y[1]));
		expect(rows.moreY).toBeGreaterThan(rows.y[2]);
		expect(rows.h).toBeGreaterThan(rows.moreY);
	});
});

describe('timerRows(late, width) at a wide width', () => {
	it('keeps every row inside the timer box and leaves the rest to "+n more"', () => {
		const late = [true, true, true, true, true];
		const rows = timerRows(late, 760);
		const g = diagramGeometry(760, rows.h);
		expect(rows.y.length).toBeLessThan(late.length);
		expect(rows.moreY + 4).toBeLessThanOrEqual(g.timers.h);
	});
});
