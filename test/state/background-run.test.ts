import { describe, expect, it, vi } from 'vitest';
import { type Scenario } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import { BackgroundRuns, type SimulationWorker } from '../../src/state/background-run';
import { debugOnLog, debugOnLogOf } from '../../src/state/debug-run';
import { runsInline } from '../../src/state/inline-run';
import type { DigestParts } from '../../src/state/run-digest';
import { codeLines } from '../../src/state/running-line';
import { eventMomentsOf } from '../../src/state/trace/event-moments';
import { serviceSeriesOf } from '../../src/views/service/service-series';
import { toolsDigest } from '../../src/views/stage/tools-model';
import { progressText, type RunProgress } from '../../src/state/run-progress';
import { ScenarioDraft } from '../../src/state/scenario-draft.svelte';
import { createSimulationApi } from '../../src/state/simulation-api';
import { runVariant } from '../../src/state/variant-run';
import sample from '../../src/sample-scenario.json';

/** The simulation worker's API on this thread, small pieces so a run takes many of them. */
function inlineWorker(log: string[]): () => SimulationWorker {
	return () => {
		const api = createSimulationApi(500);
		log.push('start');
		return {
			api: {
				simulate: async (s, live) => api.simulate(s, live),
				next: async () => api.next(),
				debugOnLog: async () => api.debugOnLog()
			},
			terminate: () => log.push('terminate')
		};
	};
}

/** The sample with `count` uploads of a 1 ms block. */
function text(count: number, ms = 1): string {
	const doc = structuredClone(sample);
	doc.arrivals[0].count = count;
	doc.handlers.upload.steps[0].ms = ms;
	return JSON.stringify(doc);
}

const scenarioOf = (t: string): Scenario => {
	const p = parseScenario(t);
	if (!p.ok) throw new Error(p.errors[0].message);
	return p.scenario;
};

describe('BackgroundRuns', () => {
	it('gives the same run as simulating here: result, frames, lanes, times, digest', async () => {
		const scenario = scenarioOf(text(60));
		const progress: RunProgress[] = [];
		const runs = new BackgroundRuns(inlineWorker([]));
		const run = await runs.run('a', 'A: big', scenario, (p) => progress.push(p));
		const here = runVariant('a', 'A: big', scenario);
		expect(run?.result).toEqual(here.result);
		expect(run?.timeline).toEqual(here.timeline);
		expect(run?.eventTimes).toEqual(here.eventTimes);
		// The service's series, the moments, the code's lines, the tools: all read in the worker
		// (never made again on the page), as the views would make them here.
		const given = <K extends keyof DigestParts>(key: K) =>
			run?.digest.part(key, () => {
				throw new Error(`the worker did not give the digest's ${key}`);
			});
		expect(given('service')).toEqual(here.digest.part('service', serviceSeriesOf));
		expect(given('moments')).toEqual(here.digest.part('moments', eventMomentsOf));
		expect(given('lines')).toEqual(here.digest.part('lines', codeLines));
		expect(given('tools')).toEqual(here.digest.part('tools', toolsDigest));
		expect(given('service')?.requests).toBe(60);
		// What debug mode would print comes after the run, from the worker too.
		expect(await debugOnLogOf(scenario)).toEqual(debugOnLog(structuredClone(scenario)));
		const n = here.result.trace?.length ?? 0;
		for (const i of [0, 1, n >> 1, n - 1, n]) expect(run?.framer.at(i)).toEqual(here.framer.at(i));
		expect(run?.framer.atTime(123.5)).toEqual(here.framer.atTime(123.5));
		// Simulating first, then every piece counted up to its total, then the frames.
		expect(progress[0]).toEqual({ phase: 'simulating' });
		const loading = progress.filter((p) => p.phase === 'loading');
		expect(loading.length).toBeGreaterThan(10);
		const last = loading.at(-1);
		expect(last?.phase === 'loading' && last.done === last.total).toBe(true);
		expect(progress.at(-1)).toMatchObject({ phase: 'framing', done: n, total: n });
	});

	it('a debug-on run that fails in the worker says why; the run itself stays', async () => {
		const worker = inlineWorker([]);
		const failing = () => {
			const w = worker();
			return {
				...w,
				api: { ...w.api, debugOnLog: () => Promise.reject(new Error('out of memory')) }
			};
		};
		const scenario = scenarioOf(text(62));
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const run = await new BackgroundRuns(failing).run('a', 'A', scenario, () => {});
		expect(run?.result.requests.length).toBe(62);
		await expect(debugOnLogOf(scenario)).rejects.toThrow('out of memory');
		expect(errors).toHaveBeenCalledOnce();
		errors.mockRestore();
	});

	it('a new run ends the one under way; one still simulating ends with its worker', async () => {
		const log: string[] = [];
		const runs = new BackgroundRuns(inlineWorker(log));
		const first = runs.run('a', 'A', scenarioOf(text(60)), () => {});
		const second = runs.run('a', 'A', scenarioOf(text(61)), () => {});
		expect(await first).toBeNull();
		expect((await second)?.result.requests.length).toBe(61);
		expect(log).toEqual(['start', 'terminate', 'start']);
	});

	it('an edit while the frames are prepared ends the run, and the debug-on run in the worker', async () => {
		const log: string[] = [];
		const runs = new BackgroundRuns(inlineWorker(log));
		const run = runs.run('a', 'A', scenarioOf(text(60)), (p) => {
			if (p.phase === 'framing') runs.cancel();
		});
		expect(await run).toBeNull();
		expect(log).toEqual(['start', 'terminate']);
	});

	it('says how far it is in words', () => {
		expect(progressText({ phase: 'simulating' })).toBe('Simulating…');
		expect(progressText({ phase: 'loading', done: 2, total: 5 })).toBe('Loading the run: 40%');
		expect(progressText({ phase: 'framing', done: 5, total: 5 })).toBe('Preparing its steps: 100%');
	});
});

describe('ScenarioDraft with a simulation worker', () => {
	it('simulates the samples at once, and a large scenario in the worker', () => {
		// The sample's heartbeat and lag monitor tick to its end (about 1 s), not to its 10 s limit.
		expect(runsInline(scenarioOf(JSON.stringify(sample)))).toBe(true);
		expect(runsInline(scenarioOf(text(100)))).toBe(false);
		expect(runsInline(scenarioOf(text(2000)))).toBe(false);
	});

	it('keeps the last run on show while a larger one simulates; a newer edit wins', async () => {
		const landed: string[] = [];
		const d = new ScenarioDraft('a', text(5), {
			runs: new BackgroundRuns(inlineWorker([])),
			landed: () => landed.push(d.text)
		});
		expect(d.simulated?.run.result.requests.length).toBe(5);
		d.text = text(700);
		d.settle();
		expect(d.progress).toEqual({ phase: 'simulating' });
		expect(d.simulated?.run.result.requests.length).toBe(5);
		d.text = text(800);
		d.settle();
		await expect.poll(() => d.progress, { timeout: 60_000 }).toBeNull();
		expect(d.simulated?.run.result.requests.length).toBe(800);
		expect(landed).toEqual([text(800)]);
		// Back to a small one: at once, and nothing under way.
		d.text = text(5);
		d.settle();
		expect(d.simulated?.text).toBe(text(5));
		expect(d.progress).toBeNull();
	});
});
