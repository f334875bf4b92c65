import { describe, expect, it } from 'vitest';
import { loopMachine, phaseAnnouncedBy } from '../../../simulations/machines';
import { step } from './step';

const inSelect = (
	facts: Partial<Record<'ioAlreadyReady' | 'zeroTimeout' | 'timerPending', boolean>>
) => ({
	type: 'IN_SELECT',
	ioAlreadyReady: false,
	zeroTimeout: false,
	timerPending: false,
	...facts
});

describe('loopMachine', () => {
	it('one _run_once iteration: timeout, select, I/O events, due timers, then the batch', () => {
		expect(step(loopMachine, 'starting', { type: 'NEXT', batchHasCallbacksLeft: false })).toEqual([
			'selecting',
			['computeTimeout', 'select']
		]);
		expect(step(loopMachine, 'selecting', { type: 'SELECT_TIMEOUT' })).toEqual([
			'collecting',
			['returnFromSelect']
		]);
		expect(step(loopMachine, 'collecting', { type: 'NEXT', batchHasCallbacksLeft: false })).toEqual(
			['running', ['processIoEvents', 'appendDueTimersToReady', 'startBatch']]
		);
	});

	it('running + NEXT runs the next callback of the batch, then selects again', () => {
		expect(step(loopMachine, 'running', { type: 'NEXT', batchHasCallbacksLeft: true })).toEqual([
			'running',
			['runNextReadyCallback']
		]);
		expect(step(loopMachine, 'running', { type: 'NEXT', batchHasCallbacksLeft: false })).toEqual([
			'selecting',
			['computeTimeout', 'select']
		]);
	});

	it('selecting + IN_SELECT returns at once for ready I/O or a zero timeout, else sleeps', () => {
		expect(
			step(loopMachine, 'selecting', inSelect({ ioAlreadyReady: true, zeroTimeout: true }))
		).toEqual(['collecting', ['returnFromSelect']]);
		expect(
			step(loopMachine, 'selecting', inSelect({ zeroTimeout: true, timerPending: true }))
		).toEqual(['collecting', ['returnFromSelect']]);
		expect(step(loopMachine, 'selecting', inSelect({ timerPending: true }))).toEqual([
			'selecting',
			['armSelectTimeout', 'fallAsleep']
		]);
		expect(step(loopMachine, 'selecting', inSelect({}))).toEqual(['selecting', ['fallAsleep']]);
	});

	it('IO_READY wakes only a loop waiting in select(); otherwise the next select() reports it', () => {
		expect(step(loopMachine, 'selecting', { type: 'IO_READY' })).toEqual([
			'collecting',
			['returnFromSelect']
		]);
		expect(step(loopMachine, 'running', { type: 'IO_READY' })).toEqual(['running', []]);
	});

	it('phaseAnnouncedBy maps each announcing trace event to the phase it enters', () => {
		expect(phaseAnnouncedBy).toEqual({
			select: 'selecting',
			wake: 'collecting',
			batch: 'running',
			end: 'stopped'
		});
	});
});
