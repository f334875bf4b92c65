import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFramer, simulate } from '../../../simulations/index';
import { restaurantGeometry } from '../../../src/views/stage/restaurant-geometry';
import { restaurantScene } from '../../../src/views/stage/restaurant-model';
import { loadScenario } from '../../scenario-files';
import { frameWith } from './frame-fixture';

const lesson = 'lessons/01-restaurant';
const variants = (
	JSON.parse(readFileSync(`${lesson}/lesson.json`, 'utf8')) as {
		variants: { name: string; scenario: string }[];
	}
).variants;
const requests = [
	{ id: 't1', arriveMs: 0, endMs: 320 },
	{ id: 't2', arriveMs: 50, endMs: null }
];

describe('restaurantScene(frame, requests)', () => {
	it('puts the waiter at the stove while the loop thread blocks, with the next table waiting', () => {
		const f = frameWith({
			t: 60,
			requests: { t1: { state: 'arrived' }, t2: { state: 'arrived' } },
			tasks: { t1: { state: 'running', on: null } },
			loopThread: { state: 'blocked', blockedOn: 't1: cook at the stove' },
			unread: ['t2']
		});
		const scene = restaurantScene(f, requests);
		expect(scene.waiter).toEqual({ at: 'stove', table: 't1', resting: false });
		expect(scene.tables.map((t) => [t.state, t.waitedMs])).toEqual([
			['ordering', 60],
			['waiting', 10]
		]);
		expect(scene.door).toEqual(['t2']);
	});

	it('keeps the waiter busy at the pass, not resting, while the loop runs a callback of no table', () => {
		const f = frameWith({
			loop: { phase: 'running', running: 'heartbeat' },
			loopThread: { state: 'callback', blockedOn: null }
		});
		expect(restaurantScene(f, requests).waiter).toEqual({
			at: 'pass',
			table: null,
			resting: false
		});
	});

	it('stops a served table’s clock at its answer', () => {
		const f = frameWith({ t: 900, requests: { t1: { state: 'ok' } } });
		expect(restaurantScene(f, requests).tables[0]).toEqual({
			id: 't1',
			state: 'served',
			waitedMs: 320
		});
	});

	it('shows no clock for a table that has not come yet', () => {
		expect(restaurantScene(frameWith({ t: 10 }), requests).tables[1].waitedMs).toBeNull();
	});

	it.each(variants.map((v) => [v.name, v.scenario]))(
		'%s: over every frame the waiter is where the loop thread is',
		(_, file) => {
			const result = simulate(loadScenario(`${lesson}/${file}`), { trace: true });
			const trace = result.trace ?? [];
			const framer = createFramer(trace);
			for (let n = 0; n <= trace.length; n++) {
				const frame = framer.at(n);
				const { waiter } = restaurantScene(frame, result.requests);
				const where = `${file} frame ${n} (${frame.loopThread.state})`;
				expect(waiter.at === 'stove', where).toBe(frame.loopThread.state === 'blocked');
				expect(waiter.resting, where).toBe(frame.loopThread.state === 'select');
				if (waiter.at === 'table')
					expect(frame.tasks[waiter.table ?? '']?.state, where).toBe('running');
				const g = restaurantGeometry(560, restaurantScene(frame, result.requests));
				if (waiter.resting) expect(g.waiter.y, where).toBeLessThan(g.tableY - 30);
			}
		}
	);
});
