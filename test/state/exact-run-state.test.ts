import { describe, expect, it } from 'vitest';
import type { RunComparison } from '../../src/exact/compare';
import type { ExactRun } from '../../src/exact/run-exact';
import { busy, exactStep, idleExact, type ExactEvent } from '../../src/state/exact-run-state';

const run = { result: {}, ranAsCPython: [], modelled: [] } as unknown as ExactRun;
const comparison = { agree: true } as unknown as RunComparison;
const progress = (phase: 'downloading' | 'compiling' | 'starting' | 'running', loaded = 0) =>
	({ type: 'progress', progress: { phase, loaded, total: 10 } }) as ExactEvent;

const play = (...events: ExactEvent[]) => events.reduce(exactStep, idleExact);

describe('exactStep(state, event)', () => {
	it('start loads, progress moves through the phases, a result is done', () => {
		expect(play({ type: 'start' }).status).toBe('loading');
		expect(play({ type: 'start' }, progress('downloading', 4)).progress?.loaded).toBe(4);
		expect(play({ type: 'start' }, progress('running')).status).toBe('running');
		const done = play({ type: 'start' }, progress('running'), { type: 'result', run, comparison });
		expect([done.status, done.run, done.comparison]).toEqual(['done', run, comparison]);
		expect(busy(done)).toBe(false);
	});

	it('a late report never moves the phase back', () => {
		const s = play({ type: 'start' }, progress('running'), progress('starting'));
		expect([s.status, s.progress?.phase]).toEqual(['running', 'running']);
	});

	it('a second start while busy changes nothing; progress while idle is ignored', () => {
		const loading = play({ type: 'start' }, progress('compiling'));
		expect(exactStep(loading, { type: 'start' })).toBe(loading);
		expect(exactStep(idleExact, progress('downloading'))).toBe(idleExact);
	});

	it('a failure keeps the run before it and says why; a new start clears the message', () => {
		const failed = play(
			{ type: 'start' },
			{ type: 'result', run, comparison },
			{ type: 'start' },
			{ type: 'failed', message: 'no wasm' }
		);
		expect([failed.status, failed.failure, failed.run]).toEqual(['failed', 'no wasm', run]);
		expect(exactStep(failed, { type: 'start' }).failure).toBeNull();
	});
});
