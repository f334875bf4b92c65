import { describe, expect, it } from 'vitest';
import { simulate, type TraceEvent } from '../../../simulations/index';
import { eventMoments } from '../../../src/state/trace/event-moments';
import { eventWords, narrate } from '../../../src/views/playground/event-words';
import { loadScenario } from '../../scenario-files';

const result = simulate(loadScenario('src/sample-scenario.json'), { trace: true });
const trace = result.trace ?? [];
const { loop } = eventMoments(result);
const arrived = new Map(result.requests.map((q) => [q.id, q.arriveMs]));
const at = (id: string) => arrived.get(id);
const stepOf = (find: (e: TraceEvent) => boolean) => trace.findIndex(find) + 1;

describe('the playground narration in words', () => {
	it('says an arrival while the loop is blocked, who blocks it and for how much longer', () => {
		const step = stepOf((e) => e.type === 'arrive' && e.actor === 'r2');
		expect(narrate(trace[step - 1], step, loop, at)).toBe(
			'r2 arrives at the door (its socket); the loop is blocked by r1 (blocking call (200 ms)) for another 198 ms.'
		);
	});

	it('says the loop’s own change without the blocked clause', () => {
		const step = stepOf((e) => e.type === 'thread' && e.detail.state === 'blocked');
		expect(narrate(trace[step - 1], step, loop, at)).toBe(
			'the loop thread is blocked by r1 (blocking call (200 ms)) until 200 ms: nothing else runs on the loop.'
		);
	});

	it('says an answer with its latency, and no clause when the loop is not blocked', () => {
		const step = stepOf((e) => e.type === 'done' && e.actor === 'r2');
		expect(narrate(trace[step - 1], step, loop, at)).toBe(
			'r2 is answered, 398 ms after it arrived.'
		);
	});

	it('has words for every event type the sample has', () => {
		for (const e of trace) expect(eventWords(e, at)).toMatch(/^\S/);
	});
});
