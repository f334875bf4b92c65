import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../simulations/index';
import { putHandler } from '../../src/handler-import/put-in-scenario';
import { readHandler } from '../../src/handler-import/read-handler';
import { stepRows, toHandler } from '../../src/handler-import/to-steps';
import sample from '../../src/sample-scenario.json';
import { HANDLER_CASES } from './handler-cases';

const SAMPLE = JSON.stringify(sample, null, '\t');

function reading(code: string) {
	const r = readHandler(code);
	if (!r.ok) throw new Error(r.problem.message);
	return r.reading;
}

describe('toHandler(reading) and putHandler(text, …) make a scenario the engine runs', () => {
	it.each(HANDLER_CASES)('$name: valid, simulated to completion', (c) => {
		const r = reading(c.code);
		const text = putHandler(SAMPLE, r.name, toHandler(r), { count: 3, everyMs: 10, alone: true });
		const parsed = parseScenario(text);
		if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
		const result = simulate(parsed.scenario);
		expect(result.requests).toHaveLength(3);
		expect(result.requests.every((q) => q.handler === r.name)).toBe(true);
	});

	it('applies the durations and work the user set, by step id, to every copy of a loop body', () => {
		const r = reading(
			'async def h():\n    for i in range(2):\n        time.sleep(0.1)\n    await asyncio.to_thread(f)'
		);
		expect(stepRows(r.steps).map((t) => [t.step.id, t.times, t.depth])).toEqual([
			['0', 2, 0],
			['1', 1, 0]
		]);
		const h = toHandler(r, { ms: { '0': 30, '1': 70 }, work: { '1': 'cpu' } });
		expect(h.steps).toEqual([
			{ op: 'block', ms: 30, line: 3, label: 'time.sleep(0.1)' },
			{ op: 'block', ms: 30, line: 3, label: 'time.sleep(0.1)' },
			{
				op: 'offload',
				ms: 70,
				work: 'cpu',
				noThread: 'raise',
				line: 4,
				label: 'asyncio.to_thread(f)'
			}
		]);
	});

	it('puts the handler first (the code view shows it), keeps the others and their requests unless alone', () => {
		const r = reading('async def upload():\n    await asyncio.sleep(0.1)');
		const kept = JSON.parse(
			putHandler(SAMPLE, 'fetch', toHandler(r), { count: 4, everyMs: 5, alone: false })
		);
		expect(Object.keys(kept.handlers)).toEqual(['fetch', 'upload']);
		expect(kept.arrivals).toEqual([
			sample.arrivals[0],
			{ handler: 'fetch', count: 4, startMs: 0, everyMs: 5 }
		]);
		const replaced = JSON.parse(
			putHandler(SAMPLE, 'upload', toHandler(r), { count: 2, everyMs: 5, alone: false })
		);
		expect(replaced.handlers.upload.steps).toEqual([
			{ op: 'sleep', ms: 100, line: 2, label: 'asyncio.sleep(0.1)' }
		]);
		expect(replaced.arrivals).toEqual([{ handler: 'upload', count: 2, startMs: 0, everyMs: 5 }]);
		expect(replaced.title).toBe(sample.title);
		const alone = JSON.parse(
			putHandler(SAMPLE, 'fetch', toHandler(r), { count: 1, everyMs: 5, alone: true })
		);
		expect(alone.title).toBe('fetch(), pasted: 1 request');
		expect(alone.arrivals).toEqual([{ handler: 'fetch', count: 1, startMs: 0, everyMs: 5 }]);
	});

	it('marks a FastAPI def endpoint as sync', () => {
		const r = reading('@app.get("/")\ndef root():\n    time.sleep(0.5)');
		expect(toHandler(r).sync).toBe(true);
	});

	it('refuses a text that is not a JSON object', () => {
		const r = reading('async def h():\n    pass');
		expect(() =>
			putHandler('[1]', 'h', toHandler(r), { count: 1, everyMs: 1, alone: true })
		).toThrow(/not a JSON object/);
	});
});
