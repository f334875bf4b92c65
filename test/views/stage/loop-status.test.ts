import { describe, expect, it } from 'vitest';
import { loopStatus } from '../../../src/views/stage/loop-status';
import { frameWith } from './frame-fixture';

describe('loopStatus(frame)', () => {
	it.each([
		[
			'a blocked loop thread',
			frameWith({
				loop: { phase: 'running', running: 'r1 step' },
				loopThread: { state: 'blocked', blockedOn: 'time.sleep(1.0)' }
			}),
			'Blocked: time.sleep(1.0).'
		],
		[
			'a thread running a callback while the phase still says selecting',
			frameWith({
				loop: { phase: 'selecting', running: 'r1 step' },
				loopThread: { state: 'callback', blockedOn: null }
			}),
			'Running r1 step.'
		],
		[
			'select() with a timer',
			frameWith({ loop: { phase: 'selecting', timeoutMs: 90 } }),
			'Asleep in select() for up to 90 ms (the next timer).'
		],
		[
			'select() without a timer',
			frameWith({ loop: { phase: 'selecting' } }),
			'Asleep in select(): no timer, waits for I/O.'
		],
		[
			'a poll with nothing ready',
			frameWith({ loop: { phase: 'selecting', timeoutMs: 0 } }),
			'Polling select() (timeout 0).'
		],
		[
			'a poll with callbacks ready',
			frameWith({ loop: { phase: 'selecting', timeoutMs: 0, ready: ['a'] } }),
			'Polling select() (timeout 0): callbacks are ready.'
		],
		[
			'a completed run',
			frameWith({ loop: { phase: 'stopped' }, outcome: 'completed' }),
			'The run has finished.'
		],
		['a hung run', frameWith({ loop: { phase: 'stopped' }, outcome: 'hung' }), 'The run is hung.'],
		[
			'a stop without an outcome',
			frameWith({ loop: { phase: 'stopped' } }),
			'The loop has stopped.'
		]
	])('%s', (_, frame, sentence) => {
		expect(loopStatus(frame)).toBe(sentence);
	});
});
