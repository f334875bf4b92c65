import { describe, expect, it } from 'vitest';
import { servicePanels } from '../../../src/views/service/service-panels';
import { serviceSeries } from '../../../src/views/service/service-series';
import { panelList } from '../../../src/views/service/panel-list';
import { sharedTops } from '../../../src/views/service/shared-tops';
import { simulate } from '../../../simulations/index';
import { parseScenario } from '../../../simulations/text';
import { serviceScenario } from './service-scenario';

function seriesOf(text: string) {
	const parsed = parseScenario(JSON.parse(text));
	if (!parsed.ok) throw new Error('not valid');
	return serviceSeries(simulate(parsed.scenario, { trace: true }), parsed.scenario.runtime.threads);
}

describe('sharedTops(panels) for runs compared', () => {
	const a = seriesOf(serviceScenario(100));
	const b = seriesOf(serviceScenario(300));
	const win = { from: 0, to: Math.max(a.endMs, b.endMs) };
	const own = [servicePanels(a, win, 100), servicePanels(b, win, 100)];
	const shared = sharedTops(own);

	it('tops each y axis at the higher of the two, so equal heights are equal figures', () => {
		for (const key of ['queues', 'inFlight', 'latency', 'lag'] as const) {
			const top = Math.max(own[0][key].top, own[1][key].top);
			expect(shared.map((p) => p[key].top)).toEqual([top, top]);
		}
		expect(own[0].inFlight.top).toBeLessThan(own[1].inFlight.top);
	});

	it('keeps what each draws, and each pool its own size', () => {
		expect(shared[0].latency.bins).toBe(own[0].latency.bins);
		expect(shared.map((p) => p.pool.size)).toEqual(own.map((p) => p.pool.size));
	});

	it('leaves one run as it is', () => {
		expect(sharedTops([own[0]])).toEqual([own[0]]);
	});
});

describe('panelList(...runs)', () => {
	it('draws the lag strip and the pool when any run compared has them', () => {
		const noMonitor = { ...seriesOf(serviceScenario(50)), lag: [], poolSize: 0 };
		expect(panelList(noMonitor).map((p) => p.id)).toEqual([
			'queues',
			'inFlight',
			'latency',
			'loop'
		]);
		expect(panelList(noMonitor, seriesOf(serviceScenario(50))).map((p) => p.id)).toEqual([
			'queues',
			'inFlight',
			'latency',
			'loop',
			'lag',
			'pool'
		]);
	});
});
