import { describe, expect, it } from 'vitest';
import type { Scenario, SimResult } from '../../simulations/index';
import { RealRuns } from '../../src/state/real-runs';

const scenario = (id: string) => ({ id }) as unknown as Scenario;
const predicted = {} as SimResult;

function policy() {
	const stopped: string[] = [];
	const made: string[] = [];
	const runs = new RealRuns((s) => {
		made.push(s.id);
		return { id: s.id, stop: () => void stopped.push(s.id) };
	});
	return { runs, stopped, made };
}

describe('RealRuns (the real-run policy of every page)', () => {
	it('stops the run of the scenario shown before when another is shown', () => {
		const { runs, stopped } = policy();
		const a = scenario('a');
		runs.show(a, predicted);
		runs.show(a, predicted);
		expect(stopped).toEqual([]);
		runs.show(scenario('b'), predicted);
		expect(stopped).toEqual(['a']);
	});

	it('keeps one session per scenario, so its finished runs are there when it is shown again', () => {
		const { runs, made } = policy();
		const a = scenario('a');
		const first = runs.show(a, predicted);
		runs.show(scenario('b'), predicted);
		expect(runs.show(a, predicted)).toBe(first);
		expect(made).toEqual(['a', 'b']);
	});

	it('stops the run on show when the page hides it, once', () => {
		const { runs, stopped } = policy();
		runs.show(scenario('a'), predicted);
		runs.hide();
		runs.hide();
		expect(stopped).toEqual(['a']);
	});
});
