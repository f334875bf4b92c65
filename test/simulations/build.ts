import type { Runtime, Scenario, Step } from '../../simulations/scenario/types';

/** A normalized scenario for engine tests: one handler per entry, requests as [id, at, handler]. */
export function scenario(
	handlers: Record<string, Step[]>,
	requests: [string, number, string][],
	runtime: Partial<Runtime> = {},
	background: Scenario['background'] = []
): Scenario {
	return {
		format: 'event-loop-lab/scenario@1',
		id: 'test',
		title: 'test',
		seed: 1,
		limitMs: 10_000,
		runtime: {
			host: 'loop',
			threads: 6,
			threadsStarted: 0,
			gil: true,
			switchIntervalMs: 5,
			cores: 2,
			debug: false,
			slowCallbackMs: 100,
			// Unit tests of other rules keep round numbers; timer lateness has its own tests.
			timerLateness: 'exact',
			...runtime
		},
		handlers: Object.fromEntries(Object.entries(handlers).map(([k, steps]) => [k, { steps }])),
		requests: requests.map(([id, at, handler]) => ({ id, at, handler })),
		background
	};
}
