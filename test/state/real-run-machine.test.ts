import { createActor, fromCallback, type EventObject } from 'xstate';
import { describe, expect, it } from 'vitest';
import { simulate, type Scenario } from '../../simulations/index';
import {
	realRunMachine,
	type RunnerEvent,
	type RunRequest
} from '../../src/state/real-run-machine';
import { loadScenario } from '../scenario-files';

const scenario: Scenario = loadScenario('lessons/02-blocking-vs-offloaded/time-sleep.json');
const predicted = simulate(scenario);

/** A runner the test drives by hand: `report` sends its events; `requests` and `ended` count calls. */
function fakeRuntime() {
	const log = {
		requests: [] as RunRequest[],
		ended: 0,
		report: (() => {}) as (e: RunnerEvent) => void
	};
	const runner = fromCallback<EventObject, RunRequest>(({ input, sendBack }) => {
		log.requests.push(input);
		log.report = sendBack;
		return () => void log.ended++;
	});
	const actor = createActor(realRunMachine.provide({ actors: { runner } }), {
		input: { scenario, predicted }
	}).start();
	const state = () => JSON.stringify(actor.getSnapshot().value);
	return { actor, log, state };
}

describe('realRunMachine', () => {
	it('goes idle → starting → running → done, with progress, and keeps the run with its agreement', () => {
		const { actor, log, state } = fakeRuntime();
		expect(state()).toBe('"idle"');
		actor.send({ type: 'start' });
		expect(state()).toBe('{"active":"starting"}');
		log.report({ type: 'runner.ready' });
		expect(state()).toBe('{"active":"running"}');
		log.report({ type: 'runner.progress', done: 2, total: 5 });
		expect(actor.getSnapshot().context).toMatchObject({ done: 2, total: 5 });
		log.report({ type: 'runner.result', result: predicted });
		expect(state()).toBe('"done"');
		const [run] = actor.getSnapshot().context.runs;
		expect([run.n, run.agreement.worstMs]).toEqual([1, 0]);
		expect(log.ended).toBe(1);
	});

	it('ends in hung when the measured run hung', () => {
		const { actor, log, state } = fakeRuntime();
		actor.send({ type: 'start' });
		log.report({
			type: 'runner.result',
			result: { ...predicted, outcome: 'hung', hung: { atMs: 1, reason: 'blocked' } }
		});
		expect(state()).toBe('"hung"');
	});

	it('Stop ends the runner at once; a late report from it changes nothing', () => {
		const { actor, log, state } = fakeRuntime();
		actor.send({ type: 'start' });
		actor.send({ type: 'stop' });
		expect([state(), log.ended]).toEqual(['"stopped"', 1]);
		log.report({ type: 'runner.result', result: predicted });
		expect([state(), actor.getSnapshot().context.runs]).toEqual(['"stopped"', []]);
	});

	it('says why a run failed, and can run again', () => {
		const { actor, log, state } = fakeRuntime();
		actor.send({ type: 'start' });
		log.report({ type: 'runner.failed', message: 'no workers' });
		expect([state(), actor.getSnapshot().context.failure]).toEqual(['"failed"', 'no workers']);
		actor.send({ type: 'start' });
		expect([state(), actor.getSnapshot().context.failure]).toEqual(['{"active":"starting"}', null]);
	});

	it('ignores Start during a run, changes the GIL only between runs, and passes it to the runner', () => {
		const { actor, log } = fakeRuntime();
		actor.send({ type: 'gil', on: false });
		actor.send({ type: 'start' });
		actor.send({ type: 'start' });
		actor.send({ type: 'gil', on: true });
		expect(log.requests.map((r) => r.gil)).toEqual([false]);
		expect(actor.getSnapshot().context.gil).toBe(false);
	});

	it('keeps the last five runs, newest first', () => {
		const { actor, log } = fakeRuntime();
		for (let i = 0; i < 7; i++) {
			actor.send({ type: 'start' });
			log.report({ type: 'runner.result', result: predicted });
		}
		expect(actor.getSnapshot().context.runs.map((r) => r.n)).toEqual([7, 6, 5, 4, 3]);
	});
});
