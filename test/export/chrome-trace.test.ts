import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import { runTrace, SIMULATED_TRACE_FORMAT, type ChromeEvent } from '../../src/export/chrome-trace';

function traced(file: string): SimResult {
	const parsed = parseScenario(readFileSync(`lessons/02-blocking-vs-offloaded/${file}`, 'utf8'));
	if (!parsed.ok) throw new Error(file);
	return simulate(parsed.scenario, { trace: true });
}
const slices = (events: ChromeEvent[], tid: number) =>
	events.filter((e) => e.ph === 'X' && e.tid === tid);

describe('runTrace(result): a simulated run as a Chrome trace', () => {
	const blocking = traced('time-sleep.json');
	const file = runTrace(blocking, { scenario: 'time-sleep' });

	it('is the object form with the profile named, and every slice has a start and a length', () => {
		expect(file.displayTimeUnit).toBe('ms');
		expect(file.otherData).toMatchObject({
			format: SIMULATED_TRACE_FORMAT,
			scenario: 'time-sleep',
			outcome: 'completed'
		});
		for (const e of file.traceEvents.filter((x) => x.ph === 'X')) {
			expect(e.ts).toBeGreaterThanOrEqual(0);
			expect(e.dur).toBeGreaterThanOrEqual(0);
		}
		expect(JSON.parse(JSON.stringify(file))).toEqual(file);
	});

	it('draws the loop thread as one track of slices that never overlap: five 200 ms task steps', () => {
		const loop = slices(file.traceEvents, 1);
		for (let i = 1; i < loop.length; i++)
			expect(loop[i].ts!).toBeGreaterThanOrEqual(loop[i - 1].ts! + loop[i - 1].dur!);
		const long = loop.filter((e) => e.cat === 'task-step' && e.dur! >= 199_000);
		expect(long.map((e) => e.name)).toEqual([
			'r1 step',
			'r2 step',
			'r3 step',
			'r4 step',
			'r5 step'
		]);
		expect(loop.some((e) => e.cat === 'select')).toBe(true);
	});

	it('gives each request an async pair whose length is its latency in the result', () => {
		for (const r of blocking.requests) {
			const b = file.traceEvents.find((e) => e.ph === 'b' && e.id === r.id)!;
			const e = file.traceEvents.find((x) => x.ph === 'e' && x.id === r.id)!;
			expect((e.ts! - b.ts!) / 1000).toBeCloseTo(r.endMs! - r.arriveMs, 2);
		}
	});

	it('puts the heartbeats and lag samples the monitors took on the loop track as instants', () => {
		const beats = file.traceEvents.filter((e) => e.cat === 'heartbeat');
		expect(beats).toHaveLength(blocking.heartbeats.length);
		const lag = file.traceEvents.filter((e) => e.cat === 'lag');
		expect(lag.map((e) => e.args!.lagMs)).toEqual(blocking.lag.map((l) => l.lagMs));
	});

	it('names every thread, and draws a pool thread on its own track while it works', () => {
		const offloaded = runTrace(traced('to-thread.json'));
		const names = offloaded.traceEvents.filter((e) => e.name === 'thread_name');
		expect(names[0].args).toEqual({ name: 'event loop' });
		const pool = names.find((e) => String(e.args!.name).startsWith('pool'))!;
		const work = slices(offloaded.traceEvents, pool.tid);
		expect(work.length).toBeGreaterThan(0);
		expect(Math.max(...work.map((e) => e.dur!))).toBeGreaterThanOrEqual(199_000);
	});
});
