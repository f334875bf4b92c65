import { describe, expect, it } from 'vitest';
import { createFramer, simulate, type Scenario } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import { putHandler } from '../../src/handler-import/put-in-scenario';
import { readHandler } from '../../src/handler-import/read-handler';
import { toHandler } from '../../src/handler-import/to-steps';
import { runningLines } from '../../src/state/running-line';
import sample from '../../src/sample-scenario.json';

function scenarioOf(code: string, count = 1): Scenario {
	const r = readHandler(code);
	if (!r.ok) throw new Error(r.problem.message);
	const text = putHandler(JSON.stringify(sample), r.reading.name, toHandler(r.reading), {
		count,
		everyMs: 10,
		alone: true
	});
	const parsed = parseScenario(text);
	if (!parsed.ok) throw new Error(parsed.errors[0].message);
	return parsed.scenario;
}

/** The line marked at each moment `t` (ms), for one request. */
function linesAt(code: string, times: number[]): (number | null)[] {
	const scenario = scenarioOf(code);
	const trace = simulate(scenario, { trace: true }).trace ?? [];
	const lines = runningLines(scenario, Object.keys(scenario.handlers)[0], trace);
	const framer = createFramer(trace);
	return times.map((t) => lines[framer.atTime(t).index] || null);
}

describe('runningLines(scenario, handler, trace) marks the line of the step running', () => {
	it('follows a block, a sleep, an offload and the end of the handler', () => {
		const code = [
			'async def h():',
			'    time.sleep(0.2)',
			'    await asyncio.sleep(0.1)',
			'    await asyncio.to_thread(time.sleep, 0.05)',
			"    return 'ok'"
		].join('\n');
		expect(linesAt(code, [100, 250, 330, 1000])).toEqual([2, 3, 4, null]);
	});

	it('marks a line for each number of events, none before the first', () => {
		const scenario = scenarioOf(
			'async def h():\n    time.sleep(0.1)\n    await asyncio.sleep(0.1)',
			3
		);
		const trace = simulate(scenario, { trace: true }).trace ?? [];
		const lines = runningLines(scenario, 'h', trace);
		expect(lines).toHaveLength(trace.length + 1);
		expect(lines[0]).toBe(0);
		expect(new Set(lines)).toEqual(new Set([0, 2, 3]));
	});

	it('tells two blocking calls in a row apart, and an await inside an asyncio.Lock', () => {
		const code = [
			'lock = asyncio.Lock()',
			'async def h():',
			'    time.sleep(0.1)',
			'    time.sleep(0.1)',
			'    async with lock:',
			'        await asyncio.sleep(0.1)',
			'    model.predict(x)'
		].join('\n');
		expect(linesAt(code, [50, 150, 250, 350])).toEqual([3, 4, 6, 7]);
	});

	it('marks a gather while its branches run', () => {
		const code = [
			'async def h():',
			'    await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.2))',
			'    time.sleep(0.1)'
		].join('\n');
		expect(linesAt(code, [50, 150, 250])).toEqual([2, 2, 3]);
	});

	it('follows a FastAPI def endpoint on its worker thread', () => {
		const code = ['@app.get("/")', 'def h():', '    time.sleep(0.1)', '    model.predict(x)'].join(
			'\n'
		);
		const [block, cpu] = linesAt(code, [50, 150]);
		expect([block, cpu]).toEqual([3, 4]);
	});
});
