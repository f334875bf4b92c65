import { describe, expect, it } from 'vitest';
import { createFramer, simulate } from '../../../simulations/index';
import { restaurantScene } from '../../../src/views/stage/restaurant-model';
import { loopStatus } from '../../../src/views/stage/loop-status';
import { anchorIndex } from '../../../src/content/anchor';
import { scenario } from '../../simulations/build';

const at = (steps: Parameters<typeof scenario>[0]['h'], t: number) => {
	const r = simulate(
		scenario({ h: steps }, [
			['t1', 0, 'h'],
			['t2', 5, 'h']
		]),
		{ trace: true }
	);
	return createFramer(r.trace ?? []).at(anchorIndex(r.trace ?? [], t));
};

describe('restaurantScene(frame, requests)', () => {
	it('puts the waiter at the stove while the loop thread blocks, with the next table waiting', () => {
		const scene = restaurantScene(at([{ op: 'block', ms: 100 }], 50), ['t1', 't2']);
		expect(scene.waiter).toEqual({ at: 'stove', table: 't1' });
		expect(scene.tables.map((t) => t.state)).toEqual(['ordering', 'waiting']);
	});

	it('rests the waiter by the pass while both orders are in the kitchen', () => {
		const scene = restaurantScene(at([{ op: 'io', ms: 100 }], 50), ['t1', 't2']);
		expect(scene.waiter.at).toBe('pass');
		expect(scene.cooking).toBe(2);
	});
});

describe('loopStatus(frame)', () => {
	it('names a blocking call and a select() timeout', () => {
		expect(loopStatus(at([{ op: 'block', ms: 100 }], 50))).toBe(
			'Blocked: t1: blocking call (100 ms).'
		);
		expect(loopStatus(at([{ op: 'io', ms: 100 }], 50))).toBe(
			'Asleep in select(): no timer, waits for I/O.'
		);
	});
});
