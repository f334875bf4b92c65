import fc from 'fast-check';
import type { Scenario, Step } from '../../simulations/scenario/types';

const ms = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 60, noNaN: true }));

/** Handler steps, nesting locks and gathers a few levels deep. */
export const stepsArb: fc.Arbitrary<Step[]> = fc.letrec<{ step: Step; steps: Step[] }>((tie) => ({
	step: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.record({ op: fc.constantFrom('cpu', 'block', 'sleep', 'io'), ms }) as fc.Arbitrary<Step>,
		fc.record({
			op: fc.constant('offload'),
			ms,
			work: fc.constantFrom('cpu', 'block'),
			noThread: fc.constantFrom('raise', 'inline')
		}) as fc.Arbitrary<Step>,
		fc.record({
			op: fc.constant('rpc'),
			ms,
			handoff: fc.constantFrom('selector', 'threadsafe', 'unsafe'),
			client: fc.constantFrom('perRequest', 'singleSlot')
		}) as fc.Arbitrary<Step>,
		fc.record({
			op: fc.constant('fail'),
			error: fc.constant('ValueError: boom')
		}) as fc.Arbitrary<Step>,
		// One kind per lock name, as in a program: `a` is a threading.Lock, `b` an asyncio.Lock.
		fc.record({ name: fc.constantFrom('a', 'b'), steps: tie('steps') }).map(({ name, steps }) => ({
			op: 'lock',
			name,
			kind: name === 'a' ? 'thread' : 'asyncio',
			steps
		})) as fc.Arbitrary<Step>,
		fc.record({
			op: fc.constant('gather'),
			branches: fc.array(tie('steps'), { minLength: 1, maxLength: 3 }),
			collect: fc.constantFrom('gather', 'asCompleted')
		}) as fc.Arbitrary<Step>
	),
	steps: fc.array(tie('step'), { maxLength: 4 })
})).steps;

/** Valid, already-normalized scenarios small enough to run thousands of times. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
	.record({
		host: fc.constantFrom('loop' as const, 'hostThreads' as const, 'runUntilComplete' as const),
		threads: fc.integer({ min: 0, max: 4 }),
		started: fc.integer({ min: 0, max: 2 }),
		gil: fc.boolean(),
		switchIntervalMs: fc.constantFrom(1, 5),
		cores: fc.integer({ min: 1, max: 3 }),
		debug: fc.boolean(),
		slowCallbackMs: fc.constantFrom(0, 20, 100),
		timerLateness: fc.constantFrom('epoll' as const, 'exact' as const),
		handlers: fc.array(fc.record({ steps: stepsArb, sync: fc.boolean() }), {
			minLength: 1,
			maxLength: 3
		}),
		arrivals: fc.array(
			fc.record({ at: fc.integer({ min: 0, max: 120 }), handler: fc.nat(), fresh: fc.boolean() }),
			{ minLength: 1, maxLength: 6 }
		),
		refusedUntilMs: fc.constantFrom(0, 0, 60),
		anyioTokens: fc.constantFrom(1, 40),
		heartbeat: fc.option(fc.integer({ min: -200, max: 50 }), { nil: null }),
		lagMonitor: fc.option(fc.integer({ min: -200, max: 50 }), { nil: null })
	})
	.map((g) => {
		const names = g.handlers.map((_, i) => `h${i}`);
		// Only the loop host accepts connections; a def endpoint runs no awaits on its thread.
		const requests = g.arrivals
			.map((a, i) => ({
				id: `r${i + 1}`,
				at: a.at,
				handler: names[a.handler % names.length],
				connection: a.fresh && g.host === 'loop' ? ('new' as const) : ('keepAlive' as const)
			}))
			.sort((a, b) => a.at - b.at);
		const handler = (h: { steps: Step[]; sync: boolean }) => {
			const sync = h.steps.filter((x) => x.op === 'cpu' || x.op === 'block' || x.op === 'fail');
			return h.sync ? { sync: true, steps: sync } : { steps: h.steps };
		};
		const background: Scenario['background'] = [];
		// The validator forbids background tasks with a runUntilComplete host.
		if (g.host !== 'runUntilComplete' && g.heartbeat !== null)
			background.push({ kind: 'heartbeat', everyMs: 40, startMs: g.heartbeat });
		if (g.host !== 'runUntilComplete' && g.lagMonitor !== null)
			background.push({ kind: 'lagMonitor', everyMs: 50, startMs: g.lagMonitor });
		return {
			format: 'event-loop-lab/scenario@1',
			id: 'generated',
			title: 'generated',
			seed: 1,
			limitMs: 3000,
			runtime: {
				host: g.host,
				threads: g.threads,
				threadsStarted: g.threads === 0 ? g.started : Math.min(g.started, g.threads),
				gil: g.gil,
				switchIntervalMs: g.switchIntervalMs,
				cores: g.cores,
				debug: g.debug,
				slowCallbackMs: g.slowCallbackMs,
				timerLateness: g.timerLateness,
				threadsRefusedUntilMs: g.threads === 0 ? 0 : g.refusedUntilMs,
				anyioTokens: g.anyioTokens
			},
			handlers: Object.fromEntries(names.map((n, i) => [n, handler(g.handlers[i])])),
			requests,
			background
		} satisfies Scenario;
	});
