import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, createFramer, emptyFrame } from '../../simulations/frame';
import { simulate } from '../../simulations/simulate';
import type { Scenario } from '../../simulations/scenario/types';
import { scenarioArb } from './arbitraries';
import { scenario } from './build';

const runs = { numRuns: Number(process.env.FC_RUNS ?? 60) };

/** Every frame the framer gives equals the one replayed from the first event. */
function expectFramesReplayed(s: Scenario): void {
	const trace = simulate(s, { trace: true }).trace ?? [];
	const framer = createFramer(trace);
	const replayed = emptyFrame();
	for (let n = 0; n <= trace.length; n++) {
		expect(framer.at(n)).toEqual(replayed);
		if (n < trace.length) applyEvent(replayed, trace[n]);
	}
}

// Many requests at once: the live state outgrows the keyframe spacing, so keyframes thin out.
const crowdArb = scenarioArb.map((s) => ({
	...s,
	requests: Array.from({ length: 12 }, (_, k) =>
		s.requests.map((r) => ({ ...r, id: `${r.id}x${k}` }))
	)
		.flat()
		.sort((a, b) => a.at - b.at)
}));

describe('createFramer: keyframes of live state and the history kept once', () => {
	it('gives the frame replayed from the start, at every event count (generated runs)', () => {
		fc.assert(fc.property(scenarioArb, expectFramesReplayed), runs);
	});

	it('and for runs where hundreds of requests wait at once', () => {
		fc.assert(fc.property(crowdArb, expectFramesReplayed), { numRuns: 15 });
	});

	it('stores linearly: 2,000 requests queued behind one blocking handler', () => {
		const blocked = (n: number) =>
			simulate(
				scenario(
					{ h: [{ op: 'block', ms: 1 }] },
					Array.from({ length: n }, (_, i): [string, number, string] => [`r${i + 1}`, 0, 'h'])
				),
				{ trace: true }
			).trace ?? [];
		const small = blocked(500);
		const large = blocked(2000);
		const perEvent = (t: typeof small) => createFramer(t).storedEntries() / t.length;
		// Every request waits in the ready queue at once; storing the queue at every keyframe
		// would make the entries per event grow with the crowd.
		expect(perEvent(large)).toBeLessThan(perEvent(small) * 1.5);
		expect(perEvent(large)).toBeLessThan(4);
	});
});
